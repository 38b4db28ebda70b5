package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.BenchmarkCompleted;
import java.time.Instant;
import java.util.List;

/** benchmark.completed events as kernel-service publishes them, for the history and claims tests. */
public final class BenchmarkRuns {
    public static final int BATCH = 1;
    public static final int HEADS = 8;
    public static final int HEAD_DIM = 64;

    private BenchmarkRuns() {
    }

    /** One row at B=1 H=8 D=64 fp16 of the given sequence length. */
    public static BenchmarkCompleted.Result row(String variant, int seqLen, double medianMs, double tflops,
            long peakBytes) {
        return new BenchmarkCompleted.Result(variant, "cuda", BATCH, HEADS, seqLen, HEAD_DIM, false, "fp16", medianMs,
                medianMs * 0.95, medianMs * 1.1, tflops, tflops * 10, peakBytes, 1.0e-3, true);
    }

    public static BenchmarkCompleted run(String jobId, String deviceName, String kernelBuild, Instant completedAt,
            String paperId, List<BenchmarkCompleted.Result> rows) {
        return new BenchmarkCompleted(jobId, BenchmarkCompleted.COMPLETED,
                new BenchmarkCompleted.DeviceInfo("cuda", deviceName, "550.54.15", "9.0"), rows, paperId, null, null,
                completedAt, kernelBuild);
    }
}
