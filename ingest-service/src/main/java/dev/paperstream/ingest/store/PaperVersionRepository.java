package dev.paperstream.ingest.store;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperDiscovered;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/** The versions of papers ingest has seen (table {@code paper_version}). */
@ApplicationScoped
public class PaperVersionRepository {
    private final AgroalDataSource dataSource;

    public PaperVersionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores each version unless it is known; element i is true when papers[i] was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insertIfNew(List<PaperDiscovered> papers) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO paper_version (arxiv_id, version, title, primary_category, published, updated,
                                                   source, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (arxiv_id, version) DO NOTHING""")) {
            for (PaperDiscovered paper : papers) {
                ps.setString(1, paper.id());
                ps.setInt(2, paper.version());
                ps.setString(3, paper.title());
                ps.setString(4, paper.primaryCategory());
                ps.setTimestamp(5, Timestamp.from(paper.published()));
                if (paper.updated() == null) {
                    ps.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setTimestamp(6, Timestamp.from(paper.updated()));
                }
                ps.setString(7, paper.source().name().toLowerCase());
                ps.setString(8, EventJson.write(paper));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            boolean[] fresh = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                fresh[i] = counts[i] == 1;
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store paper versions: " + e.getMessage(), e);
        }
    }
}
