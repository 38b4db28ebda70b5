package dev.paperstream.kernel.store;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * benchmark_job, apart from the queue's claims and the fenced writes of a running job ({@link JobQueue}).
 * Callers hold the transaction.
 */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<BenchmarkJob, String> {
    private static final String QUEUED = "QUEUED";

    /** The newest job of this configuration created within the window that ran, runs or will run. */
    public Optional<BenchmarkJob> latestAnswering(String configKey, Duration window) {
        return find("configKey = ?1 and status in ('QUEUED', 'RUNNING', 'COMPLETED') and createdAt > ?2",
                Sort.descending("createdAt"), configKey, Instant.now().minus(window)).firstResultOptional();
    }

    /** A device's queued jobs, and the jobs it accepted since 00:00 UTC (the ones its daily budget counts). */
    public record Load(long queued, long acceptedToday) {
    }

    public Load load(String queue) {
        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Load(count("queue = ?1 and status = ?2", queue, QUEUED),
                count("queue = ?1 and status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED') and createdAt >= ?2",
                        queue, midnight));
    }

    /** Jobs of one status (all when null): the queue in its order, any other status newest first. */
    public List<BenchmarkJob> list(String status, int limit) {
        Sort order = QUEUED.equals(status) ? Sort.by("createdAt").and("jobId")
                : Sort.descending("createdAt").and("jobId", Sort.Direction.Ascending);
        PanacheQuery<BenchmarkJob> query = status == null ? findAll(order) : find("status", order, status);
        return query.range(0, limit - 1).list();
    }

    /**
     * The job, locked until the transaction ends and read again after the lock was taken (a worker may have
     * claimed it since this transaction first read it).
     */
    public Optional<BenchmarkJob> lockCurrent(String jobId) {
        BenchmarkJob job = findById(jobId);
        if (job == null) {
            return Optional.empty();
        }
        getEntityManager().refresh(job, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(job);
    }
}
