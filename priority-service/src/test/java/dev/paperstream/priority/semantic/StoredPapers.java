package dev.paperstream.priority.semantic;

import dev.paperstream.priority.store.EmbeddingRepository;
import dev.paperstream.priority.store.EmbeddingRepository.Computed;
import dev.paperstream.priority.store.EmbeddingRepository.Leased;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** Papers with random unit embeddings written as the service writes them, and the exact answer to check against. */
public final class StoredPapers {
    private StoredPapers() {
    }

    /** A direction uniformly at random on the unit sphere. */
    public static float[] unitVector(Random random) {
        double[] g = new double[PaperEmbedder.DIMENSIONS];
        double norm = 0;
        for (int d = 0; d < g.length; d++) {
            g[d] = random.nextGaussian();
            norm += g[d] * g[d];
        }
        norm = Math.sqrt(norm);
        float[] out = new float[g.length];
        for (int d = 0; d < g.length; d++) {
            out[d] = (float) (g[d] / norm);
        }
        return out;
    }

    /** Inserts the papers (the triggers queue them, as in the service) and stores their embeddings. */
    public static void store(DataSource db, EmbeddingRepository embeddings, Map<String, float[]> papers)
            throws SQLException {
        List<String> ids = new ArrayList<>(papers.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO paper (id, version, title, abstract, categories, published, code_links)
                    VALUES (?, 1, ?, 'random', '{cs.LG}', ?, '{}') ON CONFLICT (id) DO NOTHING""")) {
                for (String id : chunk) {
                    ps.setString(1, id);
                    ps.setString(2, "Paper " + id);
                    ps.setTimestamp(3, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            embeddings.complete(chunk.stream().map(id -> new Computed(new Leased(id, 0, "Paper " + id, "random", 0),
                    papers.get(id))).toList(), List.of(), "random-unit-vectors");
        }
    }

    /** Records a score of each paper for the team, the rows that put a paper among the team's. */
    public static void scoreFor(DataSource db, String team, Collection<String> ids) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO score (paper_id, team, version, score, priority, paper_type, relevance, has_code,
                    months_since_publication, factors, scored_at)
                VALUES (?, ?, 1, 50, 'MEDIUM', 'METHOD', 50, false, 1.0, '{}'::jsonb, now())""")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.setString(2, team);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The exact {@code k} nearest ids by cosine computed in float64, best first. */
    public static List<String> exact(Map<String, float[]> papers, float[] query, int k, Predicate<String> accept) {
        record Scored(String id, double cosine) {
        }
        return papers.entrySet().stream().filter(e -> accept.test(e.getKey()))
                .map(e -> new Scored(e.getKey(), dot(query, e.getValue())))
                .sorted(Comparator.comparingDouble(Scored::cosine).reversed().thenComparing(Scored::id))
                .limit(k).map(Scored::id).toList();
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (double) a[d] * b[d];
        }
        return s;
    }
}
