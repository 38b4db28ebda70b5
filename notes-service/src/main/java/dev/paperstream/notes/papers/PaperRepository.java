package dev.paperstream.notes.papers;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.notes.db.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;

/** The {@code paper} table: the latest known version of each paper's metadata. */
@ApplicationScoped
public class PaperRepository {
    private static final String UPSERT = """
            INSERT INTO paper (id, version, title, authors, abstract, categories, primary_category, published,
                               updated, comment, journal_ref, doi, link_abs, link_pdf, link_code, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, title = EXCLUDED.title, authors = EXCLUDED.authors,
                abstract = EXCLUDED.abstract, categories = EXCLUDED.categories,
                primary_category = EXCLUDED.primary_category, published = EXCLUDED.published,
                updated = EXCLUDED.updated, comment = EXCLUDED.comment, journal_ref = EXCLUDED.journal_ref,
                doi = EXCLUDED.doi, link_abs = EXCLUDED.link_abs, link_pdf = EXCLUDED.link_pdf,
                link_code = EXCLUDED.link_code, source = EXCLUDED.source
            WHERE paper.version <= EXCLUDED.version
            """;

    private final AgroalDataSource dataSource;

    public PaperRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the paper unless a newer version is already stored; true when this version was written. */
    public boolean upsert(PaperDiscovered p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Sql.lockPaper(c, p.id());
            ps.setString(1, p.id());
            ps.setInt(2, p.version());
            ps.setString(3, p.title());
            ps.setArray(4, Sql.textArray(c, p.authors()));
            ps.setString(5, p.summary());
            ps.setArray(6, Sql.textArray(c, p.categories()));
            ps.setString(7, p.primaryCategory());
            Sql.setInstant(ps, 8, p.published());
            Sql.setInstant(ps, 9, p.updated());
            ps.setString(10, p.comment());
            ps.setString(11, p.journalRef());
            ps.setString(12, p.doi());
            ps.setString(13, p.links().abs());
            ps.setString(14, p.links().pdf());
            ps.setArray(15, Sql.textArray(c, p.links().code()));
            ps.setString(16, p.source().name().toLowerCase(java.util.Locale.ROOT));
            if (ps.executeUpdate() == 0) {
                return false;
            }
            denormalize(c, p);
            return true;
        } catch (SQLException e) {
            throw Sql.failure("cannot store paper " + p.id(), e);
        }
    }

    /** Copies the date to the paper's scores and flags a paper whose score arrived first (see V4). */
    private static void denormalize(Connection c, PaperDiscovered p) throws SQLException {
        try (PreparedStatement scores = c.prepareStatement(
                "UPDATE paper_score SET published = ? WHERE paper_id = ? AND published IS DISTINCT FROM ?");
                PreparedStatement scored = c.prepareStatement("UPDATE paper SET scored = true WHERE id = ? AND NOT scored"
                        + " AND EXISTS (SELECT 1 FROM paper_score WHERE paper_id = ?)")) {
            Sql.setInstant(scores, 1, p.published());
            scores.setString(2, p.id());
            Sql.setInstant(scores, 3, p.published());
            scores.executeUpdate();
            scored.setString(1, p.id());
            scored.setString(2, p.id());
            scored.executeUpdate();
        }
    }

    public Optional<StoredPaper> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM paper WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot read paper " + id, e);
        }
    }

    /** The stored papers among {@code ids}, by id. */
    public Map<String, StoredPaper> findAll(Collection<String> ids) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM paper WHERE id = ANY (?)")) {
            ps.setArray(1, Sql.textArray(c, List.copyOf(ids)));
            Map<String, StoredPaper> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredPaper paper = read(rs);
                    found.put(paper.id(), paper);
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failure("cannot read papers " + ids, e);
        }
    }

    private static StoredPaper read(ResultSet rs) throws SQLException {
        return new StoredPaper(rs.getString("id"), rs.getInt("version"), rs.getString("title"),
                Sql.textList(rs, "authors"), rs.getString("abstract"), Sql.textList(rs, "categories"),
                rs.getString("primary_category"), Sql.instant(rs, "published"), Sql.instant(rs, "updated"),
                rs.getString("comment"), rs.getString("journal_ref"), rs.getString("doi"),
                new PaperLinks(rs.getString("link_abs"), rs.getString("link_pdf"), Sql.textList(rs, "link_code")));
    }
}
