package dev.paperstream.kernel.jobs;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.store.BenchmarkJob;
import java.time.Instant;
import java.util.List;

/**
 * A stored benchmark job. {@code configKey} is its canonical configuration ({@link ConfigKey}), null for
 * one that could not be planned; {@code attachedRequests} counts the other requests this job answers (requests of
 * the same configuration within the dedupe window).
 */
public record JobRow(String jobId, String status, String queue, String origin, JobRequest request, String paperId,
        int percentDone, String currentShape, DeviceInfo device, List<Result> results, String failure,
        String deviceNote, Instant createdAt, Instant startedAt, Instant finishedAt, String configKey,
        int attachedRequests) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    /** Refused by the device's daily budget or queue cap; {@code failure} says which. Never ran. */
    public static final String REJECTED = "REJECTED";
    /** Taken out of the queue by an admin. Never ran. */
    public static final String CANCELLED = "CANCELLED";
    public static final List<String> STATUSES = List.of(QUEUED, RUNNING, COMPLETED, FAILED, REJECTED, CANCELLED);

    /** The job as its row holds it now. */
    public static JobRow of(BenchmarkJob j) {
        return new JobRow(j.jobId, j.status, j.queue, j.origin, j.request, j.paperId, j.percentDone, j.currentShape,
                j.device, j.results, j.failure, j.deviceNote, j.createdAt, j.startedAt, j.finishedAt, j.configKey,
                (int) j.attachedRequests);
    }
}
