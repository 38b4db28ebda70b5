package dev.paperstream.kernel.bench;

import dev.paperstream.events.BenchmarkCompleted.Result;
import java.util.List;

/** Result rows as a fixed-width text table. */
public final class ResultTable {
    private ResultTable() {
    }

    public static String format(List<Result> rows) {
        StringBuilder sb = new StringBuilder(String.format("%-6s %-5s %-28s %10s %10s %10s %9s %9s %10s %9s %s%n",
                "device", "var", "shape", "median ms", "p10 ms", "p90 ms", "TFLOP/s", "GB/s", "peak MiB", "max err",
                "ok"));
        for (Result r : rows) {
            Shape s = new Shape(r.batch(), r.heads(), r.seqLen(), r.headDim(), r.causal(), r.dtype());
            sb.append(String.format("%-6s %-5s %-28s %10.3f %10.3f %10.3f %9.3f %9.1f %10.1f %9.2e %s%n", r.device(),
                    r.variant(), s.label(), r.medianMs(), r.p10Ms(), r.p90Ms(), r.tflops(), r.gbps(),
                    r.peakBytes() / 1048576.0, r.maxRelError(), r.passed() ? "yes" : "NO"));
        }
        return sb.toString();
    }
}
