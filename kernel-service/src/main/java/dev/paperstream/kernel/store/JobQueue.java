package dev.paperstream.kernel.store;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The hand-written SQL of the job queue: the {@code FOR UPDATE SKIP LOCKED} claim, the lease's heartbeat, and
 * the writes of a running job, each fenced by the lease's owner and claim number; plus the advisory locks that
 * serialise the decisions about one configuration or one queue. Each is one statement that tests and changes
 * a row at once, on the database's clock; see the README for why. Callers hold the transaction.
 */
@ApplicationScoped
public class JobQueue {
    // a running job's row as long as this lease holds it
    private static final String HELD =
            "job_id = ?%d AND status = 'RUNNING' AND lease_owner = ?%d AND lease_count = ?%d";

    private final EntityManager em;

    public JobQueue(EntityManager em) {
        this.em = em;
    }

    /** What a claim took: the job, its claim number and run, and who held it when it was taken back. */
    public record Claim(String jobId, int leaseCount, int attempt, boolean reclaimed, String previousOwner) {
    }

    /** The lease a write of a running job must still hold: the owner and the claim number. */
    public record Fence(String jobId, String owner, int leaseCount) {
    }

    /**
     * Serialises, until the transaction ends, whoever decides about one configuration key (sharing a job,
     * publishing its answers) or one queue (its budget and cap).
     */
    public void lock(String scope, String name) {
        bind(em.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtext(?1), hashtext(?2))"),
                scope, name).getSingleResult();
    }

    /**
     * Takes the oldest job of a device that is queued, or running under an expired lease (its owner stopped
     * renewing it), and leases it to {@code owner}: a new run starts, with fresh progress.
     */
    public Optional<Claim> claim(String queue, String owner, Duration lease) {
        List<?> rows = bind(em.createNativeQuery("""
                WITH candidate AS (
                    SELECT job_id AS candidate_id, status AS previous_status, lease_owner AS previous_owner
                    FROM benchmark_job WHERE queue = ?1 AND (status = 'QUEUED' OR (status = 'RUNNING'
                        AND (lease_until IS NULL OR lease_until < clock_timestamp())))
                    ORDER BY created_at, job_id LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE benchmark_job SET status = 'RUNNING', started_at = now(), lease_owner = ?2,
                    lease_until = clock_timestamp() + make_interval(secs => ?3), lease_count = lease_count + 1,
                    attempts = attempts + 1, percent_done = 0, current_shape = NULL, results = '[]'
                FROM candidate WHERE benchmark_job.job_id = candidate.candidate_id
                RETURNING job_id, previous_status, previous_owner, lease_count, attempts"""),
                queue, owner, seconds(lease)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Claim((String) row[0], ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                "RUNNING".equals(row[1]), (String) row[2]));
    }

    /** Extends the lease; false when another owner holds the job now, or it has ended. */
    public boolean renew(Fence fence, Duration duration) {
        return update("UPDATE benchmark_job SET lease_until = clock_timestamp() + make_interval(secs => ?1) WHERE "
                + HELD.formatted(2, 3, 4), seconds(duration), fence.jobId(), fence.owner(), fence.leaseCount());
    }

    /** A graceful stop: the job goes back to the head of its queue and the run does not count as an attempt. */
    public boolean release(Fence fence) {
        return update("UPDATE benchmark_job SET status = 'QUEUED', started_at = NULL, percent_done = 0, "
                + "current_shape = NULL, results = '[]', lease_owner = NULL, lease_until = NULL, "
                + "attempts = attempts - 1 WHERE " + HELD.formatted(1, 2, 3),
                fence.jobId(), fence.owner(), fence.leaseCount());
    }

    /** False when another owner holds the job now, or it has ended. */
    public boolean progress(Fence fence, int percent, String currentShape, List<Result> results) {
        return update("UPDATE benchmark_job SET percent_done = ?1, current_shape = ?2, results = ?3 WHERE "
                + HELD.formatted(4, 5, 6), percent, currentShape, JsonColumns.write(results), fence.jobId(),
                fence.owner(), fence.leaseCount());
    }

    /** Ends the job (the owner stays on the row: who ran it); false when another owner holds the job now. */
    public boolean finish(Fence fence, String status, DeviceInfo device, List<Result> results, String failure,
            String deviceNote) {
        return update("UPDATE benchmark_job SET status = ?1, device = ?2, results = ?3, failure = ?4, "
                + "device_note = ?5, percent_done = CASE WHEN CAST(?1 AS text) = 'COMPLETED' THEN 100 "
                + "ELSE percent_done END, current_shape = NULL, finished_at = now(), lease_until = NULL WHERE "
                + HELD.formatted(6, 7, 8),
                status, JsonColumns.write(device), JsonColumns.write(results), failure, deviceNote, fence.jobId(),
                fence.owner(), fence.leaseCount());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private boolean update(String sql, Object... args) {
        return bind(em.createNativeQuery(sql), args).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    private static Query bind(Query query, Object... args) {
        org.hibernate.query.NativeQuery<Object> q = query.unwrap(org.hibernate.query.NativeQuery.class);
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                q.setParameter(i + 1, null, String.class); // a null of no type is not a text to PostgreSQL
            } else {
                q.setParameter(i + 1, args[i]);
            }
        }
        return query;
    }
}
