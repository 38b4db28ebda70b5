package dev.paperstream.priority.semantic;

import dev.paperstream.priority.store.EmbeddingRepository;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Exact search over the newest {@code index-capacity} embeddings held in memory ({@link VectorIndex}), loaded at
 * start-up and kept current by the worker through {@link #stored}. The store of a server without pgvector.
 */
final class InProcessIndex implements NearestPapers {
    private final EmbeddingRepository embeddings;
    private final VectorIndex index;

    InProcessIndex(EmbeddingRepository embeddings, int capacity) {
        this.embeddings = embeddings;
        this.index = new VectorIndex(PaperEmbedder.DIMENSIONS, capacity);
    }

    /** Loads the newest stored embeddings; answers how many. */
    int load() {
        return embeddings.loadNewest(index.capacity(),
                s -> index.put(s.paperId(), s.publishedEpochSecond(), s.embedding()));
    }

    int capacity() {
        return index.capacity();
    }

    @Override
    public float[] vector(String paperId) {
        return index.vector(paperId);
    }

    @Override
    public List<VectorIndex.Hit> nearest(float[] query, int k, Candidates candidates) {
        Predicate<String> within = within(candidates);
        Set<String> excluded = candidates.excluded();
        return index.nearest(query, k, id -> !excluded.contains(id) && within.test(id));
    }

    private Predicate<String> within(Candidates candidates) {
        if (candidates.team() == null) {
            return id -> true;
        }
        Set<String> scored = embeddings.scoredFor(candidates.team());
        Set<String> seeds = candidates.seeds();
        return id -> scored.contains(id) || seeds.contains(id);
    }

    @Override
    public void stored(String paperId, long publishedEpochSecond, float[] embedding) {
        index.put(paperId, publishedEpochSecond, embedding);
    }

    @Override
    public String description() {
        return "in-process exact cosine";
    }
}
