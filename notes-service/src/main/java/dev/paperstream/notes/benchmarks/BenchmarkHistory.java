package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.BenchmarkCompleted;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One device's runs at one shape, oldest first: per run, each kernel variant's latency percentiles, TFLOP/s,
 * GB/s and peak memory. {@code kernelBuild} null means every build of the device; {@code shapes} are all the
 * shapes its runs measured, the most often measured first.
 */
public record BenchmarkHistory(String device, String kernelBuild, BenchmarkShape shape, List<BenchmarkShape> shapes,
        List<Run> runs, int limit) {

    public record Run(String jobId, Instant completedAt, String kernelBuild, List<VariantPoint> variants) {
    }

    public record VariantPoint(String variant, double medianMs, double p10Ms, double p90Ms, double tflops,
            double gbps, long peakBytes, double maxRelError, boolean passed) {
    }

    /**
     * {@code shape} null picks the shape most runs measured. Runs without a row of the shape are left out, so
     * every run listed has a point.
     */
    public static BenchmarkHistory of(String device, String kernelBuild, BenchmarkShape shape,
            List<BenchmarkCompleted> runs, int limit) {
        Map<BenchmarkShape, Long> runsPerShape = runs.stream()
                .flatMap(r -> r.results().stream().map(BenchmarkShape::of).distinct())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<BenchmarkShape> shapes = runsPerShape.keySet().stream()
                .sorted(Comparator.comparing((BenchmarkShape s) -> -runsPerShape.get(s)).thenComparing(BenchmarkShape.ORDER))
                .toList();
        BenchmarkShape chosen = shape != null ? shape : shapes.isEmpty() ? null : shapes.get(0);
        List<Run> points = chosen == null ? List.of() : runs.stream().map(r -> new Run(r.jobId(), r.completedAt(),
                        r.kernelBuild() == null ? BenchmarkHistoryRepository.UNREPORTED : r.kernelBuild(),
                        r.results().stream().filter(x -> chosen.equals(BenchmarkShape.of(x)))
                                .sorted(Comparator.comparing(BenchmarkCompleted.Result::variant))
                                .map(x -> new VariantPoint(x.variant(), x.medianMs(), x.p10Ms(), x.p90Ms(), x.tflops(),
                                        x.gbps(), x.peakBytes(), x.maxRelError(), x.passed()))
                                .toList()))
                .filter(r -> !r.variants().isEmpty()).toList();
        return new BenchmarkHistory(device, kernelBuild, chosen, shapes, points, limit);
    }

    /** The variants measured, in the order of the legend and the table. */
    public List<String> variants() {
        return runs.stream().flatMap(r -> r.variants().stream().map(VariantPoint::variant)).filter(Objects::nonNull)
                .distinct().sorted().toList();
    }
}
