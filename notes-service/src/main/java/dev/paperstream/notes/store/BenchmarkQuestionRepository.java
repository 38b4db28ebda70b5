package dev.paperstream.notes.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * benchmark_question (one row per configuration, its current job), benchmark_question_job (every job ever
 * requested for a question) and paper_benchmark (which papers ask which question). Callers hold the
 * transaction.
 */
@ApplicationScoped
public class BenchmarkQuestionRepository implements PanacheRepositoryBase<BenchmarkQuestionEntity, String> {
    /** Advisory lock class of question keys, apart from the one-argument locks taken on paper ids. */
    private static final int QUESTION_LOCKS = 7101;
    private static final String REQUESTED = "REQUESTED";
    private static final Set<String> UNANSWERED = Set.of("FAILED", "REJECTED", "CANCELLED");

    /** A question's current job; {@code fresh} says whether it still answers new askers. */
    public record Question(String key, String jobId, String status, Instant requestedAt, boolean fresh) {
    }

    /**
     * Records that the paper asks the question; false when it did so before. The insert skips a link that is
     * there already, so that the paper's discovery and its score, arriving at once, both link it.
     */
    @Transactional
    public boolean link(String paperId, String key) {
        return getEntityManager().createQuery("""
                insert into PaperBenchmarkEntity (paperId, questionKey, linkedAt) values (:paperId, :key, :now)
                on conflict (paperId, questionKey) do nothing""")
                .setParameter("paperId", paperId).setParameter("key", key).setParameter("now", Instant.now())
                .executeUpdate() == 1;
    }

    @Transactional
    public Optional<Question> find(String key, Duration freshness, Duration retryAfter) {
        return findByIdOptional(key).map(q -> new Question(q.key, q.jobId, q.status, q.requestedAt,
                !stale(q, freshness, retryAfter)));
    }

    /**
     * A question needs a new job when its job is older than the freshness window, or ended without an
     * answer (failed, rejected, cancelled) longer than retry-after ago.
     */
    private static boolean stale(BenchmarkQuestionEntity q, Duration freshness, Duration retryAfter) {
        Instant now = Instant.now();
        return q.requestedAt.isBefore(now.minus(freshness)) || (UNANSWERED.contains(q.status)
                && q.answeredAt != null && q.answeredAt.isBefore(now.minus(retryAfter)));
    }

    /**
     * Takes the right to ask the question in this transaction without waiting: false when another
     * transaction is asking it right now (its job will answer this paper too, through the link).
     */
    @Transactional
    public boolean tryLock(String key) {
        return (Boolean) getEntityManager().createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, QUESTION_LOCKS).setParameter(2, key).getSingleResult();
    }

    /**
     * Records {@code jobId} as the job of the question {@code key} (asked as {@code config}, JSON), unless the
     * question already has a fresh one; true when recorded (the caller then publishes the request). Call with
     * the question's lock held ({@link #tryLock}).
     */
    @Transactional
    public boolean ask(String key, String config, String jobId, Duration freshness, Duration retryAfter) {
        BenchmarkQuestionEntity q = findById(key);
        if (q != null) {
            // read again under the lock: the question as this transaction read it before may have a new job since
            getEntityManager().refresh(q);
        }
        if (q != null && !stale(q, freshness, retryAfter)) {
            return false;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean asked = q != null;
        if (!asked) {
            q = new BenchmarkQuestionEntity();
            q.key = key;
            q.config = config;
        }
        q.jobId = jobId;
        q.status = REQUESTED;
        q.requestedAt = now;
        q.answeredAt = null;
        q.reason = null;
        if (!asked) {
            persist(q);
        }
        BenchmarkQuestionJobEntity job = new BenchmarkQuestionJobEntity();
        job.jobId = jobId;
        job.questionKey = key;
        job.requestedAt = now;
        getEntityManager().persist(job);
        return true;
    }

    /** The job ended: its question (while the job is still the question's current one) records how. */
    @Transactional
    public void answered(String jobId, String status, String reason) {
        update("status = ?1, reason = ?2, answeredAt = ?3 where jobId = ?4", status, reason, Instant.now(), jobId);
    }
}
