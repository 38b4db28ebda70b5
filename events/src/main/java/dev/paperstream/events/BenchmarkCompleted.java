package dev.paperstream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a benchmark job: one row per variant and shape. {@code status} is COMPLETED or
 * FAILED; a failed job carries its cause in {@code failure}. {@code deviceNote} says why a job asked
 * for auto or cuda ran on the CPU. {@code kernelBuild} names the kernel code that measured (the kernel
 * service's build id: version, CUDA source hash, fused-kernel family), so that a team can follow one device's
 * numbers across builds; producers before it was added leave it out.
 */
public record BenchmarkCompleted(
        @JsonProperty(required = true) String jobId,
        @JsonProperty(required = true) String status,
        @JsonProperty(required = true) DeviceInfo device,
        @JsonProperty(required = true) List<Result> results,
        String paperId,
        String failure,
        String deviceNote,
        @JsonProperty(required = true) Instant completedAt,
        String kernelBuild) {

    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    public BenchmarkCompleted {
        Required.check(jobId, "jobId");
        Required.check(status, "status");
        Required.check(device, "device");
        Required.check(results, "results");
        Required.check(completedAt, "completedAt");
        results = List.copyOf(results);
    }

    /** A result whose producer does not know its kernel build (the command-line runner, tests). */
    public BenchmarkCompleted(String jobId, String status, DeviceInfo device, List<Result> results, String paperId,
            String failure, String deviceNote, Instant completedAt) {
        this(jobId, status, device, results, paperId, failure, deviceNote, completedAt, null);
    }

    /** {@code kind} is cpu or cuda; GPU jobs fill driver and compute capability. */
    public record DeviceInfo(
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) String name,
            String driver,
            String computeCapability) {
    }

    public record Result(
            @JsonProperty(required = true) String variant,
            @JsonProperty(required = true) String device,
            int batch,
            int heads,
            @JsonProperty(required = true) int seqLen,
            int headDim,
            boolean causal,
            String dtype,
            double medianMs,
            double p10Ms,
            double p90Ms,
            double tflops,
            double gbps,
            long peakBytes,
            double maxRelError,
            boolean passed) {
    }
}
