package dev.paperstream.kernel.jobs;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.InvalidRequestException;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.bench.Plan;
import dev.paperstream.kernel.store.AttachmentRepository;
import dev.paperstream.kernel.store.BenchmarkAttachment;
import dev.paperstream.kernel.store.BenchmarkJob;
import dev.paperstream.kernel.store.JobQueue;
import dev.paperstream.kernel.store.JobRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of a job: admitted into its device's queue (or attached to a job of the same configuration,
 * or refused by the device's budget), claimed, progressing, then published to every request it answers.
 */
@ApplicationScoped
public class JobService {
    private static final String CONFIG_LOCK = "benchmark-config";
    private static final String QUEUE_LOCK = "benchmark-queue";

    private final JobRepository jobs;
    private final AttachmentRepository attachments;
    private final JobQueue queues;
    private final Devices devices;
    private final JobAnswers answers;
    private final JobWorkers workers;
    private final MeterRegistry metrics;
    private final KernelConfig config;
    private final KernelBuild build;

    public JobService(JobRepository jobs, AttachmentRepository attachments, JobQueue queues, Devices devices,
            JobAnswers answers, JobWorkers workers, MeterRegistry metrics, KernelConfig config, KernelBuild build) {
        this.jobs = jobs;
        this.attachments = attachments;
        this.queues = queues;
        this.devices = devices;
        this.answers = answers;
        this.workers = workers;
        this.metrics = metrics;
        this.config = config;
        this.build = build;
    }

    void checkLimits(@Observes StartupEvent event) {
        List<String> problems = config.limitProblems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /**
     * Queues a valid request under a new id (REST and the schedule: always a new measurement); an invalid one
     * throws {@link InvalidRequestException}, one over the device's budget or cap {@link RefusedException}.
     */
    @Transactional
    public String submit(JobRequest request, String origin) {
        JobRequest r = request.withDefaults();
        Plan plan = devices.planner().plan(r);
        String queue = plan.backend().kind();
        queues.lock(QUEUE_LOCK, queue);
        String refusal = refusal(queue);
        if (refusal != null) {
            count(JobRow.REJECTED, queue, 0);
            throw new RefusedException(refusal);
        }
        String jobId = UUID.randomUUID().toString();
        queue(jobId, r, origin, plan);
        return jobId;
    }

    /**
     * A request that arrived as an event, once per job id. One whose configuration ran or is queued within
     * the dedupe window is attached to that job (and answered at once when it has finished); one that cannot
     * run is stored as failed, one over the budget or cap as rejected, and both are published so that the
     * requester learns why.
     */
    @Transactional
    public void accept(String jobId, JobRequest request, String origin) {
        if (jobs.findByIdOptional(jobId).isPresent() || attachments.findByIdOptional(jobId).isPresent()) {
            return;
        }
        JobRequest r = request.withDefaults();
        Plan plan;
        try {
            plan = devices.planner().plan(r);
        } catch (InvalidRequestException e) {
            DeviceInfo device = devices.all().get(0).device();
            jobs.persist(BenchmarkJob.create(jobId, JobRow.FAILED, "none", origin, r, device, null, e.getMessage(),
                    null, true));
            answers.publish(jobId, BenchmarkCompleted.FAILED, device, List.of(), r.paperId(), e.getMessage(), null);
            return;
        }
        String key = ConfigKey.of(plan, build.id());
        queues.lock(CONFIG_LOCK, key);
        Optional<JobRow> sharing = config.dedupeWindow().isZero() ? Optional.empty()
                : jobs.latestAnswering(key, config.dedupeWindow()).map(JobRow::of);
        if (sharing.isPresent()) {
            JobRow job = sharing.get();
            attachments.persist(BenchmarkAttachment.of(jobId, job.jobId(), r.paperId()));
            if (JobRow.COMPLETED.equals(job.status())) {
                answers.publish(jobId, BenchmarkCompleted.COMPLETED, job.device(), job.results(), r.paperId(),
                        job.failure(), job.deviceNote());
            }
            return;
        }
        String queue = plan.backend().kind();
        queues.lock(QUEUE_LOCK, queue);
        String refusal = refusal(queue);
        if (refusal != null) {
            jobs.persist(BenchmarkJob.create(jobId, JobRow.REJECTED, queue, origin, r, plan.backend().device(),
                    plan.deviceNote(), refusal, key, true));
            count(JobRow.REJECTED, queue, 0);
            answers.publish(jobId, JobRow.REJECTED, plan.backend().device(), List.of(), r.paperId(), refusal,
                    plan.deviceNote());
            return;
        }
        queue(jobId, r, origin, plan);
    }

    private void queue(String jobId, JobRequest r, String origin, Plan plan) {
        jobs.persist(BenchmarkJob.create(jobId, JobRow.QUEUED, plan.backend().kind(), origin, r,
                plan.backend().device(), plan.deviceNote(), null, ConfigKey.of(plan, build.id()), false));
        workers.wake(plan.backend().kind());
    }

    /** Why the device takes no job now, or null. Call with the queue's lock held. */
    private String refusal(String queue) {
        JobRepository.Load load = jobs.load(queue);
        int cap = config.budget().queueCap(queue);
        if (load.queued() >= cap) {
            return "the " + queue + " queue is full: " + load.queued() + " jobs wait (cap "
                    + cap + ", paperstream.kernel.budget." + queue + "-queue-cap)";
        }
        int budget = config.budget().jobsPerDay(queue);
        if (load.acceptedToday() >= budget) {
            return "the " + queue + " budget of " + budget + " jobs a day is used up (" + load.acceptedToday()
                    + " accepted since 00:00 UTC, paperstream.kernel.budget." + queue + "-jobs-per-day); ask again after "
                    + LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    /** The job, or the job that answers a request attached to it. */
    @Transactional
    public Optional<JobRow> find(String jobId) {
        Optional<BenchmarkJob> job = jobs.findByIdOptional(jobId);
        return (job.isPresent() ? job : attachments.findByIdOptional(jobId)
                .flatMap(a -> jobs.findByIdOptional(a.answeredBy))).map(JobRow::of);
    }

    @Transactional
    public List<JobRow> list(String status, int limit) {
        return jobs.list(status, limit).stream().map(JobRow::of).toList();
    }

    /**
     * Takes a queued job out of its queue and tells every request it would have answered. Throws
     * {@link NotCancellableException} when the job is running or has ended.
     */
    @Transactional
    public Optional<JobRow> cancel(String jobId, String by) {
        Optional<BenchmarkJob> found = jobs.findByIdOptional(jobId);
        if (found.isEmpty()) {
            Optional<BenchmarkAttachment> attached = attachments.findByIdOptional(jobId);
            if (attached.isPresent()) {
                throw new NotCancellableException("job " + jobId + " is answered by job " + attached.get().answeredBy
                        + " (same configuration); cancel that job instead");
            }
            return Optional.empty();
        }
        JobRow row = JobRow.of(found.get());
        queues.lock(CONFIG_LOCK, lockName(row));
        BenchmarkJob job = jobs.lockCurrent(jobId).orElseThrow();
        if (!JobRow.QUEUED.equals(job.status)) {
            throw new NotCancellableException("job " + jobId + " is " + job.status
                    + "; only a QUEUED job can be cancelled");
        }
        String reason = "cancelled by " + by + " while queued";
        job.status = JobRow.CANCELLED;
        job.failure = reason;
        job.finishedAt = Instant.now();
        JobRow cancelled = JobRow.of(job);
        count(JobRow.CANCELLED, row.queue(), 0);
        answers.publishAll(cancelled, JobRow.CANCELLED, row.device(), List.of(), reason, row.deviceNote());
        return Optional.of(cancelled);
    }

    /**
     * Leases the next job of the queue to {@code owner}. A job taken back from an owner that stopped renewing
     * it, and whose runs would now exceed {@code lease.max-attempts}, is failed with the reason (and published)
     * instead, and the next job is tried.
     */
    public Optional<JobLease> claim(String queue, String owner) {
        while (true) {
            Optional<JobLease> claimed = claimInTransaction(queue, owner);
            if (claimed.isEmpty()) {
                return claimed;
            }
            JobLease lease = claimed.get();
            if (lease.reclaimed()) {
                metrics.counter("paperstream.kernel.jobs.reclaimed", "queue", queue).increment();
            }
            int max = config.lease().maxAttempts();
            if (lease.attempt() <= max) {
                return claimed;
            }
            fail(lease, lease.job().device(), List.of(), "abandoned after " + max + " attempt(s): the lease of every "
                    + "worker that ran it expired (the last was " + lease.previousOwner() + "); it may crash its worker");
        }
    }

    @Transactional
    Optional<JobLease> claimInTransaction(String queue, String owner) {
        return queues.claim(queue, owner, config.lease().duration()).map(claim -> new JobLease(
                JobRow.of(jobs.findById(claim.jobId())), owner, claim.leaseCount(), claim.attempt(), claim.reclaimed(),
                claim.previousOwner()));
    }

    /** The heartbeat: false when another owner holds the job now, or it has ended. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(JobLease lease) {
        return queues.renew(lease.fence(), config.lease().duration());
    }

    /** Gives the job back to its queue on a graceful stop; false when another owner held the job by then. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(JobLease lease) {
        return queues.release(lease.fence());
    }

    /** Throws {@link LeaseLostException} when another owner holds the job now, or it has ended. */
    @Transactional
    public void progress(JobLease lease, int done, int total, String currentShape, List<Result> results) {
        if (!queues.progress(lease.fence(), total == 0 ? 100 : done * 100 / total, currentShape, results)) {
            throw new LeaseLostException(lease);
        }
    }

    /**
     * Records the job's rows and publishes them to every request it answers, only while the lease holds: a
     * worker that lost the job records nothing ({@link LeaseLostException}, and the transaction rolls back).
     */
    @Transactional
    public void complete(JobLease lease, Plan plan, List<Result> results, List<String> skipped) {
        JobRow job = lease.job();
        String failure = skipped.isEmpty() ? null : "skipped: " + String.join("; ", skipped);
        queues.lock(CONFIG_LOCK, lockName(job));
        if (!queues.finish(lease.fence(), JobRow.COMPLETED, plan.backend().device(), results, failure,
                plan.deviceNote())) {
            throw new LeaseLostException(lease);
        }
        count(JobRow.COMPLETED, plan.backend().kind(), results.size());
        answers.publishAll(job, BenchmarkCompleted.COMPLETED, plan.backend().device(), results, failure,
                plan.deviceNote());
    }

    /** Like {@link #complete}: only while the lease holds. */
    @Transactional
    public void fail(JobLease lease, DeviceInfo device, List<Result> partial, String cause) {
        JobRow job = lease.job();
        queues.lock(CONFIG_LOCK, lockName(job));
        if (!queues.finish(lease.fence(), JobRow.FAILED, device, partial, cause, job.deviceNote())) {
            throw new LeaseLostException(lease);
        }
        count(JobRow.FAILED, device == null ? "none" : device.kind(), partial.size());
        answers.publishAll(job, BenchmarkCompleted.FAILED, device, partial, cause, job.deviceNote());
    }

    // the lock of the requests that attach to the job: publishing its answers must see every attachment
    private static String lockName(JobRow job) {
        return job.configKey() != null ? job.configKey() : job.jobId();
    }

    private void count(String status, String device, int rows) {
        metrics.counter("paperstream.kernel.jobs", "status", status, "device", device).increment();
        metrics.counter("paperstream.kernel.results", "device", device).increment(rows);
    }
}
