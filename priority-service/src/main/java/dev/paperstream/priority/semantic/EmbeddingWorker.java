package dev.paperstream.priority.semantic;

import dev.paperstream.priority.store.DuplicateRepository;
import dev.paperstream.priority.store.DuplicateRepository.Duplicate;
import dev.paperstream.priority.store.EmbeddingRepository;
import dev.paperstream.priority.store.EmbeddingRepository.Computed;
import dev.paperstream.priority.store.EmbeddingRepository.Leased;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Embeds the papers queued in {@code embedding_queue} (by triggers on {@code paper}, so after the batch that
 * stored and first scored them has committed), off the Kafka consumer's thread: one scheduler thread, a
 * leased batch of {@code batch-size} papers at a time, at most {@code batches-per-run} batches per run. The
 * queue lives in the database, so nothing queued is lost when the service stops; a batch leased by an
 * instance that died is taken again when its lease ends. Each embedded paper is compared with the papers indexed
 * before it for a near-duplicate ({@link NearDuplicates}); then {@link PapersEmbedded} is fired, and re-scoring
 * rates the papers again for the teams whose models read embeddings (README).
 */
@ApplicationScoped
public class EmbeddingWorker {
    private static final Logger LOG = Logger.getLogger(EmbeddingWorker.class);

    private final EmbeddingRepository queue;
    private final SemanticIndex index;
    private final SemanticConfig config;
    private final DuplicateRepository duplicates;
    private final NearDuplicates nearDuplicates;
    private final Event<PapersEmbedded> embedded;
    private final TriageActivity triage;
    private volatile long lastBatchNanos = System.nanoTime();

    public EmbeddingWorker(EmbeddingRepository queue, SemanticIndex index, SemanticConfig config,
            DuplicateRepository duplicates, Event<PapersEmbedded> embedded, TriageActivity triage) {
        this.queue = queue;
        this.index = index;
        this.config = config;
        this.duplicates = duplicates;
        this.embedded = embedded;
        this.triage = triage;
        this.nearDuplicates = new NearDuplicates(config.duplicateCosine(), config.duplicateTitleSimilarity());
    }

    @Scheduled(every = "${paperstream.semantic.interval:2s}", delayed = "${paperstream.semantic.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            embedBatches(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the leased batch is taken again when its lease ends; the next run tries the rest
            LOG.warnf("embedding run stopped: %s", e.getMessage());
        } catch (ExceptionInInitializerError e) {
            if (!duringShutdown(e)) {
                throw e;
            }
            // the first batch loads the model, and ONNX Runtime registers a JVM shutdown hook as it starts, which
            // the JVM refuses once it is shutting down (a short `./paperstream --once`); the leased batch is taken
            // again when its lease ends, by the next start
            LOG.info("embedding model not loaded: the service is shutting down");
        }
    }

    private static boolean duringShutdown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Embeds queued papers until the queue is empty or {@code batches-per-run} batches are done, without the
     * scheduled run's rests; answers how many.
     */
    public int drain() {
        try {
            return embedBatches(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private int embedBatches(boolean paced) throws InterruptedException {
        int embedded = 0;
        for (int b = 0; b < config.batchesPerRun(); b++) {
            long start = System.nanoTime();
            if (paced && TriageActivity.deferEmbedding(triage.sinceLastArrival(),
                    Duration.ofNanos(start - lastBatchNanos), config.quietBeforeEmbedding(), config.maxDeferral())) {
                break;
            }
            int n = embedBatch();
            lastBatchNanos = System.nanoTime();
            if (n == 0) {
                break;
            }
            embedded += n;
            if (paced) {
                pauseForCpuShare(System.nanoTime() - start);
            }
        }
        return embedded;
    }

    private int embedBatch() {
        List<Leased> leased = queue.lease(config.batchSize(), config.lease(), config.maxAttempts());
        return leased.isEmpty() ? 0 : embed(leased);
    }

    /**
     * Rests long enough after a batch that embedding takes at most {@code cpu-share} of one core: the model is
     * CPU-bound, and a burst of 100,000 papers would otherwise take a core from scoring for an hour and more.
     */
    private void pauseForCpuShare(long busyNanos) throws InterruptedException {
        double share = config.cpuShare();
        if (share < 1.0) {
            Thread.sleep((long) (busyNanos / 1e6 * (1 / share - 1)));
        }
    }

    private int embed(List<Leased> leased) {
        List<Leased> present = new ArrayList<>();
        List<Leased> gone = new ArrayList<>();
        for (Leased l : leased) {
            (l.title() == null ? gone : present).add(l);
        }
        List<float[]> vectors = PaperEmbedder.embedAll(
                present.stream().map(l -> PaperEmbedder.text(l.title(), l.abstractText())).toList());
        List<Computed> done = new ArrayList<>(present.size());
        for (int i = 0; i < present.size(); i++) {
            done.add(new Computed(present.get(i), vectors.get(i)));
        }
        queue.complete(done, gone, PaperEmbedder.MODEL);
        List<Duplicate> found = new ArrayList<>();
        NearestPapers papers = index.papers();
        Set<String> notYet = new HashSet<>();
        done.forEach(d -> notYet.add(d.leased().paperId()));
        for (Computed c : done) {
            // matched only against papers there before it (pgvector already holds the whole stored batch), so a
            // duplicate names the paper that was there first
            duplicateOf(c, papers, notYet).ifPresent(found::add);
            notYet.remove(c.leased().paperId());
            papers.stored(c.leased().paperId(), c.leased().publishedEpochSecond(), c.embedding());
        }
        duplicates.recordAll(found);
        Set<String> repeated = new HashSet<>();
        found.forEach(d -> repeated.add(d.paperId()));
        try {
            embedded.fire(new PapersEmbedded(done.stream().map(d -> d.leased().paperId()).toList(), repeated));
        } catch (RuntimeException e) {
            // the embeddings are stored; the hourly re-scoring pass and the next vote rate the papers with them
            LOG.warnf("re-scoring %d embedded papers failed: %s", done.size(), e.getMessage());
        }
        return done.size();
    }

    /** The indexed paper this one repeats, if any: the closest few are checked, titles read only for those. */
    private Optional<Duplicate> duplicateOf(Computed c, NearestPapers papers, Set<String> notYet) {
        String id = c.leased().paperId();
        List<VectorIndex.Hit> close = papers.nearest(c.embedding(), 3,
                NearestPapers.Candidates.everyPaperBut(Set.copyOf(notYet))).stream()
                .filter(h -> h.cosine() >= config.duplicateCosine()).toList();
        if (close.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        close.forEach(h -> ids.add(h.id()));
        Map<String, String> titles = queue.titles(ids);
        for (VectorIndex.Hit h : close) {
            if (nearDuplicates.note(h.id(), c.leased().title(), titles.get(h.id()), h.cosine()).isPresent()) {
                return Optional.of(new Duplicate(id, h.id(), h.cosine()));
            }
        }
        return Optional.empty();
    }
}
