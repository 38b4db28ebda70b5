package dev.paperstream.priority.store;

import dev.paperstream.events.PaperDiscovered;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** The papers priority has seen, newest version wins. */
@ApplicationScoped
public class PaperRepository {
    private final AgroalDataSource dataSource;

    public PaperRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the paper unless a newer version is already stored; true when this version is the current one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(PaperDiscovered p) {
        String sql = """
                INSERT INTO paper (id, version, title, abstract, comment, categories, published, code_links)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
                    abstract = EXCLUDED.abstract, comment = EXCLUDED.comment, categories = EXCLUDED.categories,
                    published = EXCLUDED.published, code_links = EXCLUDED.code_links, updated_at = now()
                WHERE paper.version <= EXCLUDED.version
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.id());
            ps.setInt(2, p.version());
            ps.setString(3, p.title());
            ps.setString(4, p.summary());
            ps.setString(5, p.comment());
            ps.setArray(6, c.createArrayOf("text", p.categories().toArray()));
            ps.setTimestamp(7, Timestamp.from(p.published()));
            ps.setArray(8, c.createArrayOf("text", p.links().code().toArray()));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store paper " + p.id() + ": " + e.getMessage(), e);
        }
    }
}
