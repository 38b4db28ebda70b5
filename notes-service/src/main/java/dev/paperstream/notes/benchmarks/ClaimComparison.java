package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.notes.notes.NumericClaim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The paper's claimed speedup beside what the team's hardware measured: per sequence length, the naive
 * kernel's median time over the fastest optimized variant's ("paper claims 3x; measured 2.7x at N=2048").
 */
public final class ClaimComparison {
    private static final String NAIVE = "naive";

    private ClaimComparison() {
    }

    /** One measured point; {@code job} says which job and device produced it. */
    public record Measured(String job, String device, int seqLen, String variant, double naiveMs, double fastMs,
            double speedup) {
    }

    public record Comparison(Optional<NumericClaim> claimedSpeedup, Optional<NumericClaim> claimedMemory,
            List<Measured> measured) {
    }

    public static Comparison of(List<NumericClaim> claims, List<BenchmarkCompleted> jobs) {
        Optional<NumericClaim> speedup = claims.stream().filter(c -> NumericClaim.SPEEDUP.equals(c.kind()))
                .filter(c -> "x".equals(c.unit())).max(Comparator.comparingDouble(NumericClaim::value));
        Optional<NumericClaim> memory = claims.stream().filter(c -> NumericClaim.MEMORY.equals(c.kind()))
                .filter(c -> "x".equals(c.unit())).max(Comparator.comparingDouble(NumericClaim::value));
        List<Measured> measured = new ArrayList<>();
        for (BenchmarkCompleted job : jobs) {
            if (!BenchmarkCompleted.COMPLETED.equals(job.status())) {
                continue;
            }
            Map<Integer, List<BenchmarkCompleted.Result>> bySeq = job.results().stream()
                    .filter(r -> r.passed() && r.medianMs() > 0)
                    .collect(Collectors.groupingBy(BenchmarkCompleted.Result::seqLen, TreeMap::new, Collectors.toList()));
            bySeq.forEach((seqLen, results) -> {
                Optional<BenchmarkCompleted.Result> naive = results.stream()
                        .filter(r -> NAIVE.equals(r.variant())).findFirst();
                Optional<BenchmarkCompleted.Result> fastest = results.stream()
                        .filter(r -> !NAIVE.equals(r.variant()))
                        .min(Comparator.comparingDouble(BenchmarkCompleted.Result::medianMs));
                if (naive.isPresent() && fastest.isPresent()) {
                    double speed = naive.get().medianMs() / fastest.get().medianMs();
                    measured.add(new Measured(job.jobId(), job.device().name(), seqLen, fastest.get().variant(),
                            naive.get().medianMs(), fastest.get().medianMs(), speed));
                }
            });
        }
        return new Comparison(speedup, memory, measured);
    }
}
