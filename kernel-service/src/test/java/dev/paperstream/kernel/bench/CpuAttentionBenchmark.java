package dev.paperstream.kernel.bench;

import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.cpu.CpuBackend;
import java.util.List;

/**
 * Prints naive against tiled on the CPU, measured in the same run. Arguments: seqLen headDim
 * batchTimesHeads [causal] [variants, comma separated].
 */
public final class CpuAttentionBenchmark {
    private CpuAttentionBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int bh = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        boolean causal = args.length > 3 && Boolean.parseBoolean(args[3]);
        List<String> variants = args.length > 4 ? List.of(args[4].split(",")) : List.of("naive", "tiled");
        CpuBackend cpu = new CpuBackend(Runtime.getRuntime().availableProcessors());
        Shape shape = new Shape(1, bh, n, d, causal, "fp32");
        System.out.printf("%s, max heap %.2f GiB, %s%n", cpu.device().name(),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30), shape.label());
        System.out.printf("%-6s %10s %10s %10s %9s %12s %10s %s%n", "variant", "median ms", "p10 ms", "p90 ms",
                "GFLOP/s", "peak MiB", "max err", "passed");
        for (String v : variants) {
            if (cpu.requiredBytes(v, shape) > cpu.availableBytes()) {
                System.out.printf("%-6s needs %.2f GiB, the heap has %.2f GiB free: not run%n", v,
                        cpu.requiredBytes(v, shape) / (double) (1L << 30), cpu.availableBytes() / (double) (1L << 30));
                continue;
            }
            Result r = cpu.run(v, shape, new RunSettings(1, 3, 10, 5.0, 64));
            System.out.printf("%-6s %10.2f %10.2f %10.2f %9.1f %12.1f %10.2e %s%n", v, r.medianMs(), r.p10Ms(),
                    r.p90Ms(), r.tflops() * 1e3, r.peakBytes() / 1048576.0, r.maxRelError(), r.passed());
        }
    }
}
