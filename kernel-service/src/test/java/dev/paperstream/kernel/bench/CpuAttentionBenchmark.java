package dev.paperstream.kernel.bench;

import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.cpu.CpuBackend;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints naive against tiled on the CPU, measured in the same run, each as a share of the machine's FMA peak
 * measured just before and just after (the lower of the two, so that a busier machine lowers the peak too).
 * Arguments: seqLen headDim batchTimesHeads [causal] [variants, comma separated] [dropout=P] [padding=F]
 * [mask=F]: a training-mode run with dropout P, the last F of the keys padded, a random boolean mask that
 * hides a share F of the scores.
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
        int threads = Runtime.getRuntime().availableProcessors();
        CpuBackend cpu = new CpuBackend(threads);
        Shape shape = new Shape(1, bh, n, d, causal, "fp32");
        AttentionOptions options = options(shape, args);
        System.out.printf("%s, max heap %.2f GiB, %s%s%n", cpu.device().name(),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30), shape.label(), describe(options));
        double peakBefore = FmaPeak.measure(threads);
        System.out.printf("%-6s %10s %10s %10s %9s %8s %12s %10s %s%n", "variant", "median ms", "p10 ms", "p90 ms",
                "GFLOP/s", "of peak", "peak MiB", "max err", "passed");
        List<Result> results = new java.util.ArrayList<>();
        for (String v : variants) {
            if (cpu.requiredBytes(v, shape) > cpu.availableBytes()) {
                System.out.printf("%-6s needs %.2f GiB, the heap has %.2f GiB free: not run%n", v,
                        cpu.requiredBytes(v, shape) / (double) (1L << 30), cpu.availableBytes() / (double) (1L << 30));
                continue;
            }
            results.add(cpu.run(v, shape, new RunSettings(1, 3, 10, 5.0, 64), options));
        }
        double peakAfter = FmaPeak.measure(threads);
        double peak = Math.min(peakBefore, peakAfter);
        for (Result r : results) {
            System.out.printf("%-6s %10.2f %10.2f %10.2f %9.1f %7.0f%% %12.1f %10.2e %s%n", r.variant(), r.medianMs(),
                    r.p10Ms(), r.p90Ms(), r.tflops() * 1e3, 100 * r.tflops() * 1e3 / peak, r.peakBytes() / 1048576.0,
                    r.maxRelError(), r.passed());
        }
        System.out.printf("FMA peak on %d threads: %.1f GFLOP/s before, %.1f after the kernels (the lower is 100%%); "
                + "load average %.1f%n", threads, peakBefore, peakAfter,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static AttentionOptions options(Shape s, String[] args) {
        double dropout = 0;
        double padding = 0;
        double hidden = 0;
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            double value = Double.parseDouble(kv[1]);
            switch (kv[0]) {
                case "dropout" -> dropout = value;
                case "padding" -> padding = value;
                case "mask" -> hidden = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int[] lengths = padding > 0 ? new int[] {(int) Math.round(s.seqLen() * (1 - padding))} : null;
        boolean[] mask = null;
        if (hidden > 0) {
            SplittableRandom random = new SplittableRandom(1);
            mask = new boolean[s.seqLen() * s.seqLen()];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() >= hidden;
            }
        }
        return new AttentionOptions(lengths, mask, dropout, System.nanoTime());
    }

    private static String describe(AttentionOptions o) {
        return (o.dropout() > 0 ? ", dropout " + o.dropout() : "")
                + (o.keyLengths() != null ? ", keys 0.." + o.keyLengths()[0] : "")
                + (o.mask() != null ? ", random boolean mask" : "");
    }
}
