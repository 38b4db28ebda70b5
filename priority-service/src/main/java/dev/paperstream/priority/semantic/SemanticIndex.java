package dev.paperstream.priority.semantic;

import dev.paperstream.priority.store.EmbeddingRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The in-process index of stored embeddings, filled at start-up with the newest papers (at most
 * {@code paperstream.semantic.index-capacity}) and kept current by the {@link EmbeddingWorker}. Whether the
 * database could offer pgvector is detected and reported; the index is in process either way (README).
 */
@ApplicationScoped
public class SemanticIndex {
    private static final Logger LOG = Logger.getLogger(SemanticIndex.class);

    private final EmbeddingRepository embeddings;
    private final VectorIndex index;
    private volatile boolean pgvectorAvailable;

    public SemanticIndex(EmbeddingRepository embeddings, SemanticConfig config) {
        this.embeddings = embeddings;
        this.index = new VectorIndex(PaperEmbedder.DIMENSIONS, config.indexCapacity());
    }

    void onStart(@Observes StartupEvent start) {
        pgvectorAvailable = embeddings.pgvectorAvailable();
        long t0 = System.nanoTime();
        int loaded = embeddings.loadNewest(index.capacity(),
                s -> index.put(s.paperId(), s.publishedEpochSecond(), s.embedding()));
        LOG.infof("semantic index: %d embeddings loaded in %d ms (capacity %d); %s", loaded,
                (System.nanoTime() - t0) / 1_000_000, index.capacity(), backend());
    }

    public VectorIndex index() {
        return index;
    }

    /** What answers similarity queries, as reported by the API. */
    public String backend() {
        return "in-process exact cosine (" + (pgvectorAvailable ? "pgvector is available in this PostgreSQL "
                + "but not used yet" : "pgvector not available in this PostgreSQL") + ")";
    }
}
