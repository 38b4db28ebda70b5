package dev.paperstream.notes.store;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.notes.papers.StoredPaper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code paper} table: the latest known version of each paper's metadata. */
@ApplicationScoped
public class PaperRepository {
    private final AgroalDataSource dataSource;

    public PaperRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    // One statement for a consumer's batch, rows as parallel arrays (text[] columns as one array literal per
    // row); an older version never replaces a newer one. Each id at most once per call: ON CONFLICT cannot
    // update a row twice.
    private static final String UPSERT = """
            INSERT INTO paper (id, version, title, authors, abstract, categories, primary_category, published,
                               updated, comment, journal_ref, doi, link_abs, link_pdf, link_code, source)
            SELECT id, version, title, authors::text[], abstract, categories::text[], primary_category, published,
                   updated, comment, journal_ref, doi, link_abs, link_pdf, link_code::text[], source
            FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                        ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS p(id, version, title, authors, abstract, categories, primary_category, published, updated, comment,
                     journal_ref, doi, link_abs, link_pdf, link_code, source)
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, title = EXCLUDED.title, authors = EXCLUDED.authors,
                abstract = EXCLUDED.abstract, categories = EXCLUDED.categories,
                primary_category = EXCLUDED.primary_category, published = EXCLUDED.published,
                updated = EXCLUDED.updated, comment = EXCLUDED.comment, journal_ref = EXCLUDED.journal_ref,
                doi = EXCLUDED.doi, link_abs = EXCLUDED.link_abs, link_pdf = EXCLUDED.link_pdf,
                link_code = EXCLUDED.link_code, source = EXCLUDED.source
            WHERE paper.version <= EXCLUDED.version
            RETURNING id
            """;

    /**
     * Stores each paper unless a newer version is already stored, in the caller's transaction, holding the
     * papers' locks ({@link Sql#lockPapers}) until it ends; each id at most once. Answers the ids written.
     */
    public Set<String> upsertAll(List<PaperDiscovered> all) {
        if (all.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Sql.lockPapers(c, all.stream().map(PaperDiscovered::id).toList());
            ps.setArray(1, Sql.array(c, "text", all.stream().map(PaperDiscovered::id).toArray()));
            ps.setArray(2, Sql.array(c, "int4", all.stream().map(PaperDiscovered::version).toArray()));
            ps.setArray(3, Sql.array(c, "text", all.stream().map(PaperDiscovered::title).toArray()));
            ps.setArray(4, Sql.array(c, "text", all.stream().map(p -> Sql.arrayLiteral(p.authors())).toArray()));
            ps.setArray(5, Sql.array(c, "text", all.stream().map(PaperDiscovered::summary).toArray()));
            ps.setArray(6, Sql.array(c, "text", all.stream().map(p -> Sql.arrayLiteral(p.categories())).toArray()));
            ps.setArray(7, Sql.array(c, "text", all.stream().map(PaperDiscovered::primaryCategory).toArray()));
            ps.setArray(8, Sql.array(c, "timestamptz", Sql.timestamps(all.stream().map(PaperDiscovered::published).toList())));
            ps.setArray(9, Sql.array(c, "timestamptz", Sql.timestamps(all.stream().map(PaperDiscovered::updated).toList())));
            ps.setArray(10, Sql.array(c, "text", all.stream().map(PaperDiscovered::comment).toArray()));
            ps.setArray(11, Sql.array(c, "text", all.stream().map(PaperDiscovered::journalRef).toArray()));
            ps.setArray(12, Sql.array(c, "text", all.stream().map(PaperDiscovered::doi).toArray()));
            ps.setArray(13, Sql.array(c, "text", all.stream().map(p -> p.links().abs()).toArray()));
            ps.setArray(14, Sql.array(c, "text", all.stream().map(p -> p.links().pdf()).toArray()));
            ps.setArray(15, Sql.array(c, "text", all.stream().map(p -> Sql.arrayLiteral(p.links().code())).toArray()));
            ps.setArray(16, Sql.array(c, "text", all.stream()
                    .map(p -> p.source().name().toLowerCase(java.util.Locale.ROOT)).toArray()));
            Set<String> written = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    written.add(rs.getString(1));
                }
            }
            if (!written.isEmpty()) {
                denormalizeAll(c, all.stream().filter(p -> written.contains(p.id())).toList());
            }
            return written;
        } catch (SQLException e) {
            throw Sql.failure("cannot store " + all.size() + " papers (first " + all.get(0).id() + ")", e);
        }
    }

    /**
     * Copies the date to the papers' scores (see V4) and lists the papers no team has scored yet in
     * {@code paper_unscored} (see V54).
     */
    private static void denormalizeAll(Connection c, List<PaperDiscovered> written) throws SQLException {
        try (PreparedStatement scores = c.prepareStatement("UPDATE paper_score s SET published = w.published"
                + " FROM unnest(?::text[], ?::timestamptz[]) AS w(id, published)"
                + " WHERE s.paper_id = w.id AND s.published IS DISTINCT FROM w.published");
                PreparedStatement unscored = c.prepareStatement("INSERT INTO paper_unscored (paper_id, published)"
                        + " SELECT w.id, w.published FROM unnest(?::text[], ?::timestamptz[]) AS w(id, published)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM paper_score s WHERE s.paper_id = w.id)"
                        + " ON CONFLICT (paper_id) DO UPDATE SET published = EXCLUDED.published")) {
            java.sql.Array ids = Sql.array(c, "text", written.stream().map(PaperDiscovered::id).toArray());
            java.sql.Array published = Sql.array(c, "timestamptz",
                    Sql.timestamps(written.stream().map(PaperDiscovered::published).toList()));
            scores.setArray(1, ids);
            scores.setArray(2, published);
            scores.executeUpdate();
            unscored.setArray(1, ids);
            unscored.setArray(2, published);
            unscored.executeUpdate();
        }
    }

    /** The papers among {@code ids} that have at least one stored score. */
    public Set<String> withScores(Collection<String> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT paper_id FROM paper_score WHERE paper_id = ANY (?)")) {
            ps.setArray(1, Sql.textArray(c, List.copyOf(ids)));
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failure("cannot read scores of " + ids.size() + " papers", e);
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
