package dev.paperstream.priority.store;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.priority.text.PaperText;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * The papers priority has seen, newest version wins, with the code links found in their full text. A polled
 * batch of papers is stored with one hand-written statement ({@link #upsertAll}, see the README); the rest
 * goes through Panache.
 */
@ApplicationScoped
public class PaperRepository implements PanacheRepositoryBase<PaperEntity, String> {
    private final AgroalDataSource dataSource;

    public PaperRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    // One statement per batch (parallel arrays, unnested): a text[] column travels as one array literal per
    // row, since unnest would flatten an array of arrays. Each id at most once per call.
    private static final String UPSERT_ALL = """
            INSERT INTO paper (id, version, title, abstract, comment, categories, published, code_links)
            SELECT id, version, title, abstract, comment, categories::text[], published, code_links::text[]
            FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                AS p(id, version, title, abstract, comment, categories, published, code_links)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
                abstract = EXCLUDED.abstract, comment = EXCLUDED.comment, categories = EXCLUDED.categories,
                published = EXCLUDED.published, code_links = EXCLUDED.code_links, updated_at = now()
            WHERE paper.version <= EXCLUDED.version
            RETURNING id
            """;

    /**
     * Stores each paper unless a newer version is already stored (each id at most once in {@code all});
     * answers the ids whose given version is now the current one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> upsertAll(List<PaperDiscovered> all) {
        if (all.isEmpty()) {
            return Set.of();
        }
        int n = all.size();
        String[] ids = new String[n];
        Integer[] versions = new Integer[n];
        String[] titles = new String[n];
        String[] abstracts = new String[n];
        String[] comments = new String[n];
        String[] categories = new String[n];
        Timestamp[] published = new Timestamp[n];
        String[] codeLinks = new String[n];
        for (int i = 0; i < n; i++) {
            PaperDiscovered p = all.get(i);
            ids[i] = p.id();
            versions[i] = p.version();
            titles[i] = p.title();
            abstracts[i] = p.summary();
            comments[i] = p.comment();
            categories[i] = arrayLiteral(p.categories());
            published[i] = Timestamp.from(p.published());
            codeLinks[i] = arrayLiteral(p.links().code());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT_ALL)) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("int4", versions));
            ps.setArray(3, c.createArrayOf("text", titles));
            ps.setArray(4, c.createArrayOf("text", abstracts));
            ps.setArray(5, c.createArrayOf("text", comments));
            ps.setArray(6, c.createArrayOf("text", categories));
            ps.setArray(7, c.createArrayOf("timestamptz", published));
            ps.setArray(8, c.createArrayOf("text", codeLinks));
            Set<String> current = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    current.add(rs.getString(1));
                }
            }
            return current;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + n + " papers (first " + ids[0] + "): " + e.getMessage(), e);
        }
    }

    /** A PostgreSQL array literal of the values, each quoted: {@code {"a","b \"c\""}}. */
    static String arrayLiteral(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    /** A stored paper's current version and what scoring reads of it. */
    public record StoredPaper(String id, int version, PaperText text) {
        static StoredPaper of(PaperEntity p) {
            return new StoredPaper(p.id, p.version, p.text());
        }
    }

    /** The paper's current version, when priority has seen it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredPaper> current(String id) {
        return findByIdOptional(id).map(StoredPaper::of);
    }

    /** The current versions of the papers among {@code ids} that priority has seen, in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredPaper> currentAll(List<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids).stream().map(StoredPaper::of).toList();
    }

    /** Papers first published after {@code since}, by id after {@code afterId}, at most {@code limit}. */
    @Transactional
    public List<StoredPaper> publishedAfter(Instant since, String afterId, int limit) {
        return find("published > ?1 AND id > ?2", Sort.by("id"), since, afterId).range(0, limit - 1)
                .stream().map(StoredPaper::of).toList();
    }

    /**
     * Adds what scoring reads of the full text (its code links and its outline: headings, algorithm
     * labels and captions); answers the updated paper, or empty when it is not known.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredPaper> addFullText(String id, List<String> links, String outline) {
        // locked before it is read, so that a new version stored meanwhile is the one re-scored
        PaperEntity paper = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (paper == null) {
            return Optional.empty();
        }
        paper.fulltextCodeLinks = List.copyOf(links);
        paper.fulltextOutline = outline;
        paper.updatedAt = Instant.now();
        flush();
        return Optional.of(StoredPaper.of(paper));
    }
}
