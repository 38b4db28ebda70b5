package dev.paperstream.kernel.jobs;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.InvalidRequestException;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.bench.Plan;
import dev.paperstream.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The life of a job: accepted into its device's queue, claimed, progressing, then published. */
@ApplicationScoped
public class JobService {
    private final JobRepository jobs;
    private final Devices devices;
    private final Outbox outbox;
    private final JobWorkers workers;
    private final MeterRegistry metrics;

    public JobService(JobRepository jobs, Devices devices, Outbox outbox, JobWorkers workers, MeterRegistry metrics) {
        this.jobs = jobs;
        this.devices = devices;
        this.outbox = outbox;
        this.workers = workers;
        this.metrics = metrics;
    }

    /** Queues a valid request under a new id; an invalid one throws {@link InvalidRequestException}. */
    @Transactional
    public String submit(JobRequest request, String origin) {
        String jobId = UUID.randomUUID().toString();
        enqueue(jobId, request, origin);
        return jobId;
    }

    /**
     * Queues a request that arrived as an event, once per job id. One that cannot run is stored as a
     * failed job and published as such, so that the requester learns why.
     */
    @Transactional
    public void accept(String jobId, JobRequest request, String origin) {
        try {
            enqueue(jobId, request, origin);
        } catch (InvalidRequestException e) {
            DeviceInfo device = devices.all().get(0).device();
            if (jobs.insert(jobId, JobRow.FAILED, "none", origin, request, device, null, e.getMessage())) {
                publish(jobId, BenchmarkCompleted.FAILED, device, List.of(), request.paperId(), e.getMessage(), null);
            }
        }
    }

    private void enqueue(String jobId, JobRequest request, String origin) {
        JobRequest r = request.withDefaults();
        Plan plan = devices.planner().plan(r);
        if (jobs.insert(jobId, JobRow.QUEUED, plan.backend().kind(), origin, r, plan.backend().device(),
                plan.deviceNote(), null)) {
            workers.wake(plan.backend().kind());
        }
    }

    @Transactional
    public Optional<JobRow> find(String jobId) {
        return jobs.find(jobId);
    }

    @Transactional
    public Optional<JobRow> claimNext(String queue) {
        return jobs.claimNext(queue);
    }

    @Transactional
    public int requeueRunning(String queue) {
        return jobs.requeueRunning(queue);
    }

    @Transactional
    public void progress(String jobId, int done, int total, String currentShape, List<Result> results) {
        jobs.progress(jobId, total == 0 ? 100 : done * 100 / total, currentShape, results);
    }

    @Transactional
    public void complete(JobRow job, Plan plan, List<Result> results, List<String> skipped) {
        String failure = skipped.isEmpty() ? null : "skipped: " + String.join("; ", skipped);
        jobs.finish(job.jobId(), JobRow.COMPLETED, plan.backend().device(), results, failure, plan.deviceNote());
        count(JobRow.COMPLETED, plan.backend().kind(), results.size());
        publish(job.jobId(), BenchmarkCompleted.COMPLETED, plan.backend().device(), results, job.paperId(), failure,
                plan.deviceNote());
    }

    @Transactional
    public void fail(JobRow job, DeviceInfo device, List<Result> partial, String cause) {
        jobs.finish(job.jobId(), JobRow.FAILED, device, partial, cause, job.deviceNote());
        count(JobRow.FAILED, device == null ? "none" : device.kind(), partial.size());
        publish(job.jobId(), BenchmarkCompleted.FAILED, device, partial, job.paperId(), cause, job.deviceNote());
    }

    private void count(String status, String device, int rows) {
        metrics.counter("paperstream.kernel.jobs", "status", status, "device", device).increment();
        metrics.counter("paperstream.kernel.results", "device", device).increment(rows);
    }

    private void publish(String jobId, String status, DeviceInfo device, List<Result> results, String paperId,
            String failure, String deviceNote) {
        outbox.add(paperId != null ? paperId : jobId, new BenchmarkCompleted(jobId, status, device, results, paperId,
                failure, deviceNote, Instant.now()));
    }
}
