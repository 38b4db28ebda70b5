package dev.paperstream.priority.semantic;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Where the papers nearest in meaning are found: {@link InProcessIndex} (exact, in memory) or {@link PgvectorIndex}
 * (HNSW in PostgreSQL), chosen once at start-up by {@link SemanticIndex}. Both answer the same contract: at most
 * {@code k} hits among the candidates, most similar first (ties by id), cosine of unit vectors.
 */
public interface NearestPapers {
    /** Most similar first, then by id, so that both stores order ties alike. */
    Comparator<VectorIndex.Hit> BEST_FIRST = Comparator.comparingDouble(VectorIndex.Hit::cosine).reversed()
            .thenComparing(VectorIndex.Hit::id);

    /**
     * The papers a query may find: every paper when {@code team} is null, else those scored for the team and the
     * {@code seeds}; never one of {@code excluded} (the query paper itself, papers not to be matched yet).
     */
    record Candidates(String team, Set<String> seeds, Set<String> excluded) {
        public static Candidates everyPaperBut(Set<String> excluded) {
            return new Candidates(null, Set.of(), excluded);
        }
    }

    /** The stored embedding of the paper, or null when it has none (yet) in this store. */
    float[] vector(String paperId);

    /** The {@code k} candidates most similar to {@code query}, best first. */
    List<VectorIndex.Hit> nearest(float[] query, int k, Candidates candidates);

    /** Called after an embedding was stored and committed, for a store that keeps its own copy. */
    void stored(String paperId, long publishedEpochSecond, float[] embedding);

    /** What answers the queries, with its settings. */
    String description();
}
