package dev.paperstream.kernel.api;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.jobs.JobRow;
import java.time.Instant;
import java.util.List;

/**
 * A job as {@code GET /api/benchmarks/{jobId}} shows it; {@code attachedRequests} counts the other requests of
 * the same configuration it answers, {@code configKey} is that configuration.
 */
public record JobView(String jobId, String status, int percentDone, String currentShape, JobRequest request,
        DeviceInfo device, List<Result> results, String failure, String deviceNote, String paperId, String origin,
        Instant createdAt, Instant startedAt, Instant finishedAt, String configKey, int attachedRequests) {

    static JobView of(JobRow j) {
        return new JobView(j.jobId(), j.status(), j.percentDone(), j.currentShape(), j.request(), j.device(),
                j.results(), j.failure(), j.deviceNote(), j.paperId(), j.origin(), j.createdAt(), j.startedAt(),
                j.finishedAt(), j.configKey(), j.attachedRequests());
    }
}
