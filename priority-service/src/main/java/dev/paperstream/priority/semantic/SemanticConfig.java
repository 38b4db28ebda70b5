package dev.paperstream.priority.semantic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Embeddings, their in-process index and related-paper search; bounds in the README. */
@ConfigMapping(prefix = "paperstream.semantic")
public interface SemanticConfig {
    /** How often the embedding worker looks at the queue ({@code off} disables it); read by its {@code @Scheduled}. */
    @WithDefault("2s")
    String interval();

    /** The worker's first run after start; read by its {@code @Scheduled}. */
    @WithDefault("5s")
    String delay();

    /** Papers embedded per leased batch of the queue. */
    @WithDefault("32")
    @Min(1)
    @Max(256)
    int batchSize();

    /** Batches one run of the worker embeds at most before it yields its scheduler thread. */
    @WithDefault("50")
    @Min(1)
    @Max(1000)
    int batchesPerRun();

    /**
     * The part of one core the scheduled worker may keep busy (it rests in proportion after each batch), so that
     * embedding a burst never slows triage much; 1.0 lets it run flat out.
     */
    @WithDefault("0.5")
    @DecimalMin("0.05")
    @DecimalMax("1.0")
    double cpuShare();

    /**
     * How long no paper may have arrived to be scored before the scheduled worker embeds: triage first, so a
     * burst is scored at full speed and embedded after it.
     */
    @WithDefault("PT5S")
    Duration quietBeforeEmbedding();

    /** The longest the scheduled worker defers to arriving papers before it embeds a (paced) batch anyway. */
    @WithDefault("PT10M")
    Duration maxDeferral();

    /** How long a leased batch is reserved for the worker that leased it (one that crashed frees it then). */
    @WithDefault("PT5M")
    Duration lease();

    /** Tries per paper before the worker leaves it in the queue (logged) instead of trying again. */
    @WithDefault("3")
    @Min(1)
    @Max(100)
    int maxAttempts();

    /** Where related papers are searched; {@code auto} takes pgvector when the server offers it (README). */
    @WithDefault("auto")
    Store store();

    enum Store {
        /** pgvector when the server offers the extension and it can be created (or exists), else in-process. */
        AUTO,
        /** pgvector, or the start fails saying why. */
        PGVECTOR,
        /** The in-process exact index, even where pgvector is available. */
        IN_PROCESS
    }

    /** The HNSW index of the pgvector store. */
    Hnsw hnsw();

    interface Hnsw {
        /** Links per node; read when the index is built (an existing index keeps its own). */
        @WithDefault("16")
        @Min(4)
        @Max(100)
        int m();

        /** Candidates while building; at least 2 x m. Read when the index is built. */
        @WithDefault("64")
        @Min(8)
        @Max(1000)
        int efConstruction();

        /** Candidates searched per query ({@code hnsw.ef_search}, raised to k when k is larger). */
        @WithDefault("100")
        @Min(10)
        @Max(1000)
        int efSearch();
    }

    /** Papers the in-process index holds at most (1,536 bytes of floats each); the newest are kept. */
    @WithDefault("100000")
    @Min(1)
    @Max(1000000)
    int indexCapacity();

    /** Cosine from which a related paper whose title is also similar is reported as a near-duplicate. */
    @WithDefault("0.95")
    @DecimalMin("0.5")
    @DecimalMax("1.0")
    double duplicateCosine();

    /** Title similarity (Jaccard of title words) from which a close paper is a near-duplicate. */
    @WithDefault("0.5")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double duplicateTitleSimilarity();
}
