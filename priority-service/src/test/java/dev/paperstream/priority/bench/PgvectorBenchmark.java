package dev.paperstream.priority.bench;

import dev.paperstream.priority.semantic.NearestPapers.Candidates;
import dev.paperstream.priority.semantic.PaperEmbedder;
import dev.paperstream.priority.semantic.PgvectorServer;
import dev.paperstream.priority.semantic.PgvectorIndex;
import dev.paperstream.priority.semantic.StoredPapers;
import dev.paperstream.priority.semantic.VectorIndex;
import dev.paperstream.priority.store.EmbeddingRepository;
import io.agroal.api.AgroalDataSource;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Query latency of k=10 nearest papers, p50 and p95 over 200 fresh queries, for both stores holding the same
 * {@code n} vectors: the in-process exact index, and pgvector's HNSW (the service's default settings) in PGlite, i.e.
 * PostgreSQL compiled to WASM and reached over TCP, or in the native server that
 * {@code -Dpaperstream.pgvector.jdbc-url} names ({@link PgvectorServer}). Also the HNSW recall@10 against the exact
 * answer. Vectors ({@code -Dvectors=}): {@code topics} (default), papers around
 * n/200 topic directions (cosine ~0.5 within a topic, ~0 across, as embeddings of papers on one subject), queries
 * drawn alike; or {@code uniform}, directions uniformly at random, the worst case of a graph index (every
 * neighbour about as far as any other). Run with the command in the module's README.
 */
public final class PgvectorBenchmark {
    private static final int QUERIES = 200;

    public static void main(String[] args) throws Exception {
        long seed = Long.getLong("seed", 42);
        System.out.printf("seed %d; %d cores; load average %.1f%n", seed, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String arg : args.length == 0 ? new String[] {"20000"} : args) {
            run(Integer.parseInt(arg), new Random(seed));
        }
    }

    private static void run(int n, Random random) throws Exception {
        boolean uniform = "uniform".equals(System.getProperty("vectors", "topics"));
        float[][] topics = new float[Math.max(1, n / 200)][];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = StoredPapers.unitVector(random);
        }
        System.out.printf("n=%d: %s%n", n, uniform ? "uniform random unit vectors" : topics.length + " topics");
        Map<String, float[]> papers = new LinkedHashMap<>();
        VectorIndex inProcess = new VectorIndex(PaperEmbedder.DIMENSIONS, n);
        for (int i = 0; i < n; i++) {
            String id = String.format("2601.%06d", i);
            papers.put(id, uniform ? StoredPapers.unitVector(random) : onTopic(topics, random));
            inProcess.put(id, i, papers.get(id));
        }
        float[][] queries = new float[QUERIES + 20][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = uniform ? StoredPapers.unitVector(random) : onTopic(topics, random);
        }
        double[] exactMs = new double[QUERIES];
        for (int q = 0; q < queries.length; q++) {
            long t = System.nanoTime();
            inProcess.nearest(queries[q], 10, id -> true);
            if (q >= 20) {
                exactMs[q - 20] = (System.nanoTime() - t) / 1e6;
            }
        }
        report(n, "in-process exact", exactMs, "");
        try (PgvectorServer server = PgvectorServer.start(); AgroalDataSource db = server.dataSource(1)) {
            server.migrate(db);
            long t0 = System.nanoTime();
            StoredPapers.store(db, new EmbeddingRepository(db), papers);
            long stored = System.nanoTime();
            PgvectorIndex pgvector = PgvectorIndex.prepare(db, new PgvectorIndex.Hnsw(16, 64, 100));
            System.out.printf("n=%d pgvector: stored in %d s, HNSW built in %d s%n", n, (stored - t0) / 1_000_000_000,
                    (System.nanoTime() - stored) / 1_000_000_000);
            double[] hnswMs = new double[QUERIES];
            int found = 0;
            for (int q = 0; q < queries.length; q++) {
                long t = System.nanoTime();
                List<VectorIndex.Hit> hits = pgvector.nearest(queries[q], 10, Candidates.everyPaperBut(Set.of()));
                if (q >= 20) {
                    hnswMs[q - 20] = (System.nanoTime() - t) / 1e6;
                    List<String> exact = StoredPapers.exact(papers, queries[q], 10, id -> true);
                    found += (int) hits.stream().filter(h -> exact.contains(h.id())).count();
                }
            }
            report(n, "pgvector HNSW on " + server.description(), hnswMs,
                    String.format(", recall@10 %.3f", found / (QUERIES * 10.0)));
        }
    }

    /** A unit vector half way (cosine ~0.7) between a random topic's direction and a random one. */
    private static float[] onTopic(float[][] topics, Random random) {
        float[] topic = topics[random.nextInt(topics.length)];
        float[] noise = StoredPapers.unitVector(random);
        float[] out = new float[topic.length];
        double norm = 0;
        for (int d = 0; d < out.length; d++) {
            out[d] = topic[d] + noise[d];
            norm += out[d] * out[d];
        }
        for (int d = 0; d < out.length; d++) {
            out[d] /= (float) Math.sqrt(norm);
        }
        return out;
    }

    private static void report(int n, String store, double[] ms, String extra) {
        Arrays.sort(ms);
        System.out.printf("n=%d %s: k=10 p50 %.2f ms, p95 %.2f ms over %d queries%s; load average %.1f%n", n, store,
                ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms.length, extra,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
