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

/** The versions of papers ingest has seen (table {@code paper_version}). */
@ApplicationScoped
public class PaperVersionRepository {
    private final AgroalDataSource dataSource;

    public PaperVersionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the version unless it is known; true when it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertIfNew(PaperDiscovered paper) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO paper_version (arxiv_id, version, title, primary_category, published, updated,
                                                   source, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (arxiv_id, version) DO NOTHING""")) {
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
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + paper.versionedId() + ": " + e.getMessage(), e);
        }
    }
}
