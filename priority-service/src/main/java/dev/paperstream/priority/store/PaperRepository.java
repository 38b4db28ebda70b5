package dev.paperstream.priority.store;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.priority.scoring.PaperText;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The papers priority has seen, newest version wins, with the code links found in their full text. */
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

    /** A stored paper's current version and what scoring reads of it. */
    public record StoredPaper(String id, int version, PaperText text) {
    }

    private static final String SELECT = "SELECT id, version, title, abstract, comment, categories, published, "
            + "code_links, fulltext_code_links, fulltext_outline FROM paper ";

    /** Papers first published after {@code since}, by id after {@code afterId}, at most {@code limit}. */
    public List<StoredPaper> publishedAfter(Instant since, String afterId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + "WHERE published > ? AND id > ? ORDER BY id LIMIT ?")) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setString(2, afterId);
            ps.setInt(3, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read papers: " + e.getMessage(), e);
        }
    }

    /**
     * Adds what scoring reads of the full text (its code links and its outline: headings, algorithm
     * labels and captions); answers the updated paper, or empty when it is not known.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredPaper> addFullText(String id, List<String> links, String outline) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE paper SET fulltext_code_links = ?, fulltext_outline = ?, updated_at = now() WHERE id = ?")) {
                ps.setArray(1, c.createArrayOf("text", links.toArray()));
                ps.setString(2, outline);
                ps.setString(3, id);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE id = ?")) {
                ps.setString(1, id);
                return read(ps).stream().findFirst();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store code links of " + id + ": " + e.getMessage(), e);
        }
    }

    private static List<StoredPaper> read(PreparedStatement ps) throws SQLException {
        List<StoredPaper> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredPaper(rs.getString(1), rs.getInt(2), new PaperText(rs.getString(3), rs.getString(4),
                        rs.getString(5), TeamRepository.strings(rs.getArray(6)), rs.getTimestamp(7).toInstant(),
                        TeamRepository.strings(rs.getArray(8)), TeamRepository.strings(rs.getArray(9)),
                        rs.getString(10))));
            }
        }
        return out;
    }
}
