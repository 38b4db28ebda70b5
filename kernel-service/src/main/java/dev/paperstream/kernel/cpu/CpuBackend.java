package dev.paperstream.kernel.cpu;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.Accuracy;
import dev.paperstream.kernel.bench.AttentionOptions;
import dev.paperstream.kernel.bench.Backend;
import dev.paperstream.kernel.bench.Inputs;
import dev.paperstream.kernel.bench.Precision;
import dev.paperstream.kernel.bench.RunSettings;
import dev.paperstream.kernel.bench.Shape;
import dev.paperstream.kernel.bench.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** Runs the Java kernels on all cores of this machine. */
public final class CpuBackend implements Backend {
    public static final String NAIVE = "naive";
    public static final String TILED = "tiled";

    private final CpuAttention attention;
    private final DeviceInfo device;

    public CpuBackend(int threads) {
        this.attention = new CpuAttention(new ForkJoinPool(threads));
        this.device = new DeviceInfo("cpu", cpuModel() + " (" + threads + " threads)", null, null);
    }

    @Override
    public String kind() {
        return "cpu";
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public List<String> variants() {
        return List.of(NAIVE, TILED);
    }

    @Override
    public List<String> dtypes() {
        return List.of(Precision.FP32);
    }

    @Override
    public long requiredBytes(String variant, Shape shape) {
        return shape.compulsoryBytes() + attention.workspaceBytes(variant, shape);
    }

    @Override
    public long availableBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    @Override
    public Result run(String variant, Shape shape, RunSettings settings) {
        return run(variant, shape, settings, AttentionOptions.NONE);
    }

    /** Measures a variant with masks or dropout (a training-mode benchmark), checked against the same reference. */
    public Result run(String variant, Shape shape, RunSettings settings, AttentionOptions options) {
        long seed = System.nanoTime();
        Inputs in = Inputs.random(shape, seed);
        float[] out = new float[in.q().length];
        Runnable kernel = kernel(variant, shape, in, out, options);
        for (int i = 0; i < settings.warmups(); i++) {
            Arrays.fill(out, Float.NaN);
            kernel.run();
        }
        List<Double> samples = new ArrayList<>();
        double elapsed = 0;
        while (settings.moreRuns(samples.size(), elapsed)) {
            Arrays.fill(out, Float.NaN);
            long t0 = System.nanoTime();
            kernel.run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            elapsed += seconds;
            samples.add(seconds * 1e3);
        }
        Timings t = Timings.of(samples.stream().mapToDouble(Double::doubleValue).toArray());
        double error = Accuracy.maxRelError(in, options, out, settings.checkRows(), seed ^ 0x5DEECE66DL);
        return new Result(variant, "cpu", shape.batch(), shape.heads(), shape.seqLen(), shape.headDim(),
                shape.causal(), shape.dtype(), t.medianMs(), t.p10Ms(), t.p90Ms(),
                shape.flops() / (t.medianMs() / 1e3) / 1e12, shape.compulsoryBytes() / (t.medianMs() / 1e3) / 1e9,
                requiredBytes(variant, shape), error, error <= Precision.threshold(shape.dtype()));
    }

    private Runnable kernel(String variant, Shape s, Inputs in, float[] out, AttentionOptions options) {
        if (NAIVE.equals(variant)) {
            return () -> attention.naive(s, in.q(), in.k(), in.v(), out, options, null);
        }
        if (TILED.equals(variant)) {
            return () -> attention.tiled(s, in.q(), in.k(), in.v(), out, options);
        }
        throw new IllegalArgumentException("the CPU has no variant '" + variant + "'");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
