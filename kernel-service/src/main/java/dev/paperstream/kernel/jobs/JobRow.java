package dev.paperstream.kernel.jobs;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.JobRequest;
import java.time.Instant;
import java.util.List;

/** A stored benchmark job. */
public record JobRow(String jobId, String status, String queue, String origin, JobRequest request, String paperId,
        int percentDone, String currentShape, DeviceInfo device, List<Result> results, String failure,
        String deviceNote, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
