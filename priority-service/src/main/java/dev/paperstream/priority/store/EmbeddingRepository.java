package dev.paperstream.priority.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedding queue (filled by triggers on {@code paper}, V13) and the stored embeddings, in hand-written SQL.
 * Each call is its own short transaction, so no lock is held while the model runs.
 */
@ApplicationScoped
public class EmbeddingRepository {
    private final AgroalDataSource dataSource;

    public EmbeddingRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A leased queue entry with the text to embed ({@code title} null when the paper is gone). */
    public record Leased(String paperId, long seq, String title, String abstractText, long publishedEpochSecond) {
    }

    /** An embedding to store for a leased entry. */
    public record Computed(Leased leased, float[] embedding) {
    }

    /** A stored embedding, for the in-process index. */
    public record Stored(String paperId, long publishedEpochSecond, float[] embedding) {
    }

    // SKIP LOCKED: concurrent workers (other instances) lease disjoint rows without waiting for each other
    private static final String LEASE = """
            WITH leased AS (
                UPDATE embedding_queue q SET leased_until = now() + ?::interval, attempts = q.attempts + 1
                FROM (SELECT paper_id FROM embedding_queue
                      WHERE (leased_until IS NULL OR leased_until < now()) AND attempts < ?
                      ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED) free
                WHERE q.paper_id = free.paper_id
                RETURNING q.paper_id, q.seq)
            SELECT l.paper_id, l.seq, p.title, p.abstract, extract(epoch FROM p.published)::bigint
            FROM leased l LEFT JOIN paper p ON p.id = l.paper_id ORDER BY l.seq
            """;

    /** Leases up to {@code limit} queued papers, oldest first, for {@code lease}. */
    public List<Leased> lease(int limit, Duration lease, int maxAttempts) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LEASE)) {
            ps.setString(1, lease.toMillis() + " milliseconds");
            ps.setInt(2, maxAttempts);
            ps.setInt(3, limit);
            List<Leased> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Leased(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lease papers to embed: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the embeddings and removes their queue entries, in one transaction; an entry whose seq moved on
     * (the text changed meanwhile) stays queued, and so does its paper's newer text. Entries of papers that
     * are gone are removed.
     */
    @Transactional
    public void complete(List<Computed> done, List<Leased> gone, String model) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement store = c.prepareStatement("""
                    INSERT INTO paper_embedding (paper_id, model, embedding, embedded_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (paper_id) DO UPDATE SET model = EXCLUDED.model, embedding = EXCLUDED.embedding,
                        embedded_at = EXCLUDED.embedded_at""");
                    PreparedStatement dequeue = c.prepareStatement(
                            "DELETE FROM embedding_queue WHERE paper_id = ? AND seq = ?")) {
                for (Computed d : done) {
                    store.setString(1, d.leased().paperId());
                    store.setString(2, model);
                    store.setArray(3, c.createArrayOf("float4", boxed(d.embedding())));
                    store.addBatch();
                }
                for (Leased l : concat(done.stream().map(Computed::leased).toList(), gone)) {
                    dequeue.setString(1, l.paperId());
                    dequeue.setLong(2, l.seq());
                    dequeue.addBatch();
                }
                store.executeBatch();
                dequeue.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + done.size() + " embeddings: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Streams the embeddings of the {@code limit} most recently published papers, newest first. */
    @Transactional // a cursor (fetch size) needs a transaction
    public int loadNewest(int limit, Consumer<Stored> into) {
        String sql = """
                SELECT e.paper_id, extract(epoch FROM p.published)::bigint, e.embedding
                FROM paper_embedding e JOIN paper p ON p.id = e.paper_id
                ORDER BY p.published DESC LIMIT ?""";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                ps.setInt(1, limit);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        into.accept(new Stored(rs.getString(1), rs.getLong(2), unboxed(rs.getArray(3))));
                        n++;
                    }
                }
                return n;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load embeddings: " + e.getMessage(), e);
        }
    }

    /**
     * The stored embeddings of the papers among {@code ids} (one query, for a training set or a batch to score);
     * a paper without one yet is absent.
     */
    public Map<String, float[]> embeddings(Collection<String> ids) {
        Map<String, float[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT paper_id, embedding FROM paper_embedding WHERE paper_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), unboxed(rs.getArray(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the embeddings of " + ids.size() + " papers: "
                    + e.getMessage(), e);
        }
    }

    /** How many papers wait to be embedded (including those leased now). */
    public long queued() {
        return count("SELECT count(*) FROM embedding_queue");
    }

    /** Whether the PostgreSQL server could install pgvector ({@code CREATE EXTENSION vector}). */
    public boolean pgvectorAvailable() {
        return count("SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'") > 0;
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The ids of the papers scored for the team. */
    public Set<String> scoredFor(String team) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT paper_id FROM score WHERE team = ?")) {
            ps.setString(1, team);
            Set<String> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the papers of team " + team + ": " + e.getMessage(), e);
        }
    }

    /** Title of each known paper among {@code ids}. */
    public Map<String, String> titles(Set<String> ids) {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, title FROM paper WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read paper titles: " + e.getMessage(), e);
        }
    }

    private static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** A {@code real[]} column's value as floats. */
    public static float[] unboxed(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }
}
