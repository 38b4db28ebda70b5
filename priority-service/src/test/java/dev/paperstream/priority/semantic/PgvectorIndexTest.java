package dev.paperstream.priority.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperstream.priority.semantic.NearestPapers.Candidates;
import dev.paperstream.priority.store.EmbeddingRepository;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pgvector store against a real PostgreSQL with pgvector (PGlite, or a native server named by
 * {@code -Dpaperstream.pgvector.jdbc-url}: {@link PgvectorServer}), on the service's own schema (Flyway) and write
 * path ({@link EmbeddingRepository#complete}): random unit vectors, a fresh seed per run (printed;
 * {@code -Dpaperstream.pgvector.seed=...} repeats one), checked against exact float64 search.
 */
class PgvectorIndexTest {
    private static final PgvectorIndex.Hnsw HNSW = new PgvectorIndex.Hnsw(16, 64, 100);
    private static final int PAPERS = Integer.getInteger("paperstream.pgvector.papers", 3000);
    private static final String TEAM = "alpha";

    private static PgvectorServer server;
    private static AgroalDataSource db;
    private static EmbeddingRepository embeddings;
    private static PgvectorIndex index;
    private static Random random;
    private static final Map<String, float[]> papers = new LinkedHashMap<>();
    private static final Set<String> scored = new HashSet<>();
    private static final Set<String> seeds = new HashSet<>();

    @BeforeAll
    static void startPostgresWithPgvector() throws Exception {
        if (PgvectorServer.skipRequested()) {
            System.out.println("PgvectorIndexTest SKIPPED on request (" + PgliteServer.SKIP_ENV + "/"
                    + PgliteServer.SKIP_PROPERTY + "): the pgvector store is not tested in this run");
            return;
        }
        long seed = Long.getLong("paperstream.pgvector.seed", System.nanoTime());
        System.out.printf("PgvectorIndexTest: %d papers, seed %d%n", PAPERS, seed);
        random = new Random(seed);
        server = PgvectorServer.start();
        System.out.println("PgvectorIndexTest on " + server.description());
        db = server.dataSource(2);
        server.migrate(db);
        embeddings = new EmbeddingRepository(db);
        for (int i = 0; i < PAPERS; i++) {
            papers.put(String.format("2601.%05d", i), StoredPapers.unitVector(random));
        }
        List<String> ids = new ArrayList<>(papers.keySet());
        // half stored before the column and index exist (a service that had no pgvector before), half after
        Map<String, float[]> before = new LinkedHashMap<>();
        ids.subList(0, PAPERS / 2).forEach(id -> before.put(id, papers.get(id)));
        Map<String, float[]> after = new LinkedHashMap<>(papers);
        after.keySet().removeAll(before.keySet());
        long t0 = System.nanoTime();
        StoredPapers.store(db, embeddings, before);
        index = PgvectorIndex.prepare(db, HNSW);
        StoredPapers.store(db, embeddings, after);
        for (int i = 0; i < PAPERS; i += 10) {
            scored.add(ids.get(i));
        }
        for (int i = 5; seeds.size() < 5; i += 97) {
            seeds.add(ids.get(i));
        }
        StoredPapers.scoreFor(db, TEAM, scored);
        System.out.printf("stored and indexed %d papers in %d ms%n", PAPERS, (System.nanoTime() - t0) / 1_000_000);
    }

    @BeforeEach
    void skippedOnlyOnRequest() {
        Assumptions.assumeFalse(PgvectorServer.skipRequested(),
                "skipped on request: " + PgliteServer.SKIP_ENV + " or -D" + PgliteServer.SKIP_PROPERTY);
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void nearestTenFindAtLeast95PercentOfTheExactNearestTen() {
        int found = 0;
        int queries = 40;
        for (int q = 0; q < queries; q++) {
            float[] query = StoredPapers.unitVector(random);
            List<VectorIndex.Hit> hits = index.nearest(query, 10, Candidates.everyPaperBut(Set.of()));
            assertBestFirstWithTrueCosines(hits, query);
            List<String> exact = StoredPapers.exact(papers, query, 10, id -> true);
            found += (int) hits.stream().filter(h -> exact.contains(h.id())).count();
        }
        double recall = found / (queries * 10.0);
        System.out.printf("recall@10 over %d papers, %d queries: %.3f%n", PAPERS, queries, recall);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aTeamsSearchFindsOnlyItsScoredAndSeedPapersAndNeverTheExcludedOne() {
        int found = 0;
        int queries = 20;
        List<String> ids = new ArrayList<>(scored);
        for (int q = 0; q < queries; q++) {
            String self = ids.get(random.nextInt(ids.size()));
            Candidates candidates = new Candidates(TEAM, seeds, Set.of(self));
            List<VectorIndex.Hit> hits = index.nearest(papers.get(self), 10, candidates);
            assertThat(hits).hasSize(10).allSatisfy(h -> {
                assertThat(scored.contains(h.id()) || seeds.contains(h.id())).as(h.id()).isTrue();
                assertThat(h.id()).isNotEqualTo(self);
            });
            List<String> exact = StoredPapers.exact(papers, papers.get(self), 10,
                    id -> !id.equals(self) && (scored.contains(id) || seeds.contains(id)));
            found += (int) hits.stream().filter(h -> exact.contains(h.id())).count();
        }
        System.out.printf("filtered recall@10: %.3f%n", found / (queries * 10.0));
        assertThat(found / (queries * 10.0)).isGreaterThanOrEqualTo(0.95);
        String seed = seeds.iterator().next();
        assertThat(index.nearest(papers.get(seed), 3, new Candidates(TEAM, seeds, Set.of())).get(0))
                .satisfies(h -> assertThat(h.id()).isEqualTo(seed))
                .satisfies(h -> assertThat(h.cosine()).isCloseTo(1.0, within(1e-5)));
    }

    @Test
    void storingAPapersEmbeddingAgainReplacesItInTheSearch() throws SQLException {
        String id = "2601.00007";
        float[] old = papers.get(id);
        float[] fresh = StoredPapers.unitVector(random);
        StoredPapers.store(db, embeddings, Map.of(id, fresh));
        papers.put(id, fresh);
        assertThat(index.vector(id)).containsExactly(fresh);
        assertThat(index.nearest(fresh, 1, Candidates.everyPaperBut(Set.of())).get(0).id()).isEqualTo(id);
        assertThat(index.nearest(old, 10, Candidates.everyPaperBut(Set.of()))).extracting(VectorIndex.Hit::id)
                .doesNotContain(id);
    }

    @Test
    void preparingAgainAsARestartChangesNothingAndQueriesUseTheHnswIndex() throws SQLException {
        PgvectorIndex again = PgvectorIndex.prepare(db, HNSW);
        assertThat(again.description()).isEqualTo(index.description()).startsWith("pgvector 0.");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM pg_indexes WHERE tablename = 'paper_embedding' "
                    + "AND indexdef LIKE '%USING hnsw%'")).isOne();
            assertThat(count(s, "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                    + "'paper_embedding' AND column_name = 'embedding_vector'")).isOne();
            assertThat(count(s, "SELECT count(*) FROM paper_embedding WHERE embedding_vector IS NULL")).isZero();
            // qualified as the service qualifies it: the extension may live outside the connection's search path
            // (in public, where a cluster's bootstrap creates it, while the service's search path is its schema)
            String extensionSchema;
            try (ResultSet rs = s.executeQuery("SELECT extnamespace::regnamespace FROM pg_extension "
                    + "WHERE extname = 'vector'")) {
                rs.next();
                extensionSchema = rs.getString(1);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT paper_id FROM paper_embedding ORDER BY embedding_vector "
                    + "OPERATOR(" + extensionSchema + ".<=>) (SELECT embedding_vector FROM paper_embedding LIMIT 1) "
                    + "LIMIT 10")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("Index Scan using " + PgvectorIndex.INDEX);
        }
    }

    private static void assertBestFirstWithTrueCosines(List<VectorIndex.Hit> hits, float[] query) {
        assertThat(hits).hasSize(10).isSortedAccordingTo(NearestPapers.BEST_FIRST);
        hits.forEach(h -> assertThat(h.cosine()).isCloseTo(StoredPapers.dot(query, papers.get(h.id())),
                within(1e-5)));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
