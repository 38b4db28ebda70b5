package dev.paperstream.priority.semantic;

import dev.paperstream.priority.store.EmbeddingRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Nearest papers answered by PostgreSQL with pgvector: {@code paper_embedding.embedding_vector}, a stored generated
 * column ({@code embedding::vector(384)}), so every write of an embedding updates it in the same statement; an HNSW
 * index over it with {@code vector_cosine_ops}; and {@code ORDER BY embedding_vector <=> ? LIMIT k} with the
 * candidates' filter, {@code hnsw.ef_search} and (pgvector 0.8+) {@code hnsw.iterative_scan = strict_order} set per
 * query, so a filtered search still finds k papers. Plain JDBC over a {@link DataSource}: one class serves the
 * service and the test against a real pgvector (README, "Storage and search").
 */
public final class PgvectorIndex implements NearestPapers {
    /** HNSW build settings (fixed once the index exists) and the candidate list searched per query. */
    public record Hnsw(int m, int efConstruction, int efSearch) {
    }

    // one key for every instance of the service: the second to start waits, then finds everything in place
    private static final String DDL_LOCK = "SELECT pg_advisory_xact_lock(hashtext('paperstream.priority.pgvector'))";
    static final String INDEX = "paper_embedding_vector_hnsw";
    static final int FILTERED = 4;
    private static final int MAX_EF_SEARCH = 1000; // pgvector's bound

    private final DataSource db;
    private final Hnsw hnsw;
    private final String schema;
    private final String version;
    private final String vectorType;
    private final String distance;

    private PgvectorIndex(DataSource db, Hnsw hnsw, String schema, String version) {
        this.db = db;
        this.hnsw = hnsw;
        this.schema = schema;
        this.version = version;
        this.vectorType = quoted(schema) + ".vector";
        this.distance = "OPERATOR(" + quoted(schema) + ".<=>)";
    }

    /**
     * Creates, where missing, the extension (in the connection's current schema), the column and the HNSW index,
     * in one transaction under an advisory lock; running it again changes nothing. Fails with the server's reason
     * (no pgvector, no privilege to create it).
     */
    public static PgvectorIndex prepare(DataSource db, Hnsw hnsw) throws SQLException {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(DDL_LOCK);
                String[] installed = installed(s);
                if (installed == null) {
                    s.execute("CREATE EXTENSION IF NOT EXISTS vector");
                    installed = installed(s);
                }
                String type = quoted(installed[0]) + ".vector(" + PaperEmbedder.DIMENSIONS + ")";
                if (!hasColumn(s)) {
                    s.execute("ALTER TABLE paper_embedding ADD COLUMN IF NOT EXISTS embedding_vector " + type
                            + " GENERATED ALWAYS AS (embedding::" + type + ") STORED");
                }
                s.execute("CREATE INDEX IF NOT EXISTS " + INDEX + " ON paper_embedding USING hnsw (embedding_vector "
                        + quoted(installed[0]) + ".vector_cosine_ops) WITH (m = " + hnsw.m() + ", ef_construction = "
                        + hnsw.efConstruction() + ")");
                c.commit();
                return new PgvectorIndex(db, hnsw, installed[0], installed[1]);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The extension's schema and version, or null when it is not created in this database. */
    private static String[] installed(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT n.nspname, e.extversion FROM pg_extension e "
                + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector'")) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
        }
    }

    // checked first so that a restart takes no ACCESS EXCLUSIVE lock on the table
    private static boolean hasColumn(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND table_name = 'paper_embedding' AND column_name = 'embedding_vector'")) {
            return rs.next();
        }
    }

    @Override
    public float[] vector(String paperId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT embedding FROM paper_embedding WHERE paper_id = ?")) {
            ps.setString(1, paperId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? EmbeddingRepository.unboxed(rs.getArray(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the embedding of " + paperId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<VectorIndex.Hit> nearest(float[] query, int k, Candidates candidates) {
        String sql = "SELECT e.paper_id, e.embedding_vector " + distance + " CAST(? AS " + vectorType
                + ") AS distance FROM paper_embedding e WHERE e.paper_id <> ALL (?)"
                + (candidates.team() == null ? "" : " AND (EXISTS (SELECT 1 FROM score s WHERE s.paper_id = "
                        + "e.paper_id AND s.team = ?) OR e.paper_id = ANY (?))")
                + " ORDER BY distance LIMIT ?";
        try (Connection c = db.getConnection()) {
            boolean own = c.getAutoCommit(); // SET LOCAL needs a transaction: ours, or the caller's
            if (own) {
                c.setAutoCommit(false);
            }
            try {
                List<VectorIndex.Hit> hits = query(c, sql, query, k, candidates);
                if (own) {
                    c.commit();
                }
                return hits;
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pgvector search failed: " + e.getMessage(), e);
        }
    }

    private List<VectorIndex.Hit> query(Connection c, String sql, float[] query, int k, Candidates candidates)
            throws SQLException {
        try (PreparedStatement settings = c.prepareStatement("SELECT set_config('hnsw.ef_search', ?, true)"
                + (iterativeScan() ? ", set_config('hnsw.iterative_scan', 'strict_order', true)" : ""))) {
            settings.setString(1, Integer.toString(efSearch(k, candidates)));
            settings.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            ps.setString(p++, literal(query));
            ps.setArray(p++, c.createArrayOf("text", candidates.excluded().toArray()));
            if (candidates.team() != null) {
                ps.setString(p++, candidates.team());
                ps.setArray(p++, c.createArrayOf("text", candidates.seeds().toArray()));
            }
            ps.setInt(p, k);
            List<VectorIndex.Hit> hits = new ArrayList<>(k);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(new VectorIndex.Hit(rs.getString(1), 1 - rs.getDouble(2)));
                }
            }
            hits.sort(BEST_FIRST);
            return hits;
        }
    }

    /**
     * A team's search keeps only its papers (often a tenth of all or fewer): the graph walk then needs a longer
     * candidate list for the same recall (measured in PgvectorIndexTest), so it searches {@link #FILTERED} times more.
     */
    int efSearch(int k, Candidates candidates) {
        int base = Math.max(hnsw.efSearch(), k);
        return candidates.team() == null ? base : Math.min(MAX_EF_SEARCH, FILTERED * base);
    }

    // iterative index scans (0.8.0) go on past ef_search candidates when the filter drops some
    private boolean iterativeScan() {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        return major > 0 || Integer.parseInt(parts[1]) >= 8;
    }

    @Override
    public void stored(String paperId, long publishedEpochSecond, float[] embedding) {
        // nothing to do: the generated column was written with the embedding, in the same statement
    }

    @Override
    public String description() {
        return "pgvector " + version + " HNSW in schema " + schema + ", m=" + hnsw.m() + ", ef_construction="
                + hnsw.efConstruction() + ", ef_search=" + hnsw.efSearch();
    }

    private static String literal(float[] v) {
        StringBuilder out = new StringBuilder(v.length * 12).append('[');
        for (int i = 0; i < v.length; i++) {
            out.append(i == 0 ? "" : ",").append(v[i]);
        }
        return out.append(']').toString();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
