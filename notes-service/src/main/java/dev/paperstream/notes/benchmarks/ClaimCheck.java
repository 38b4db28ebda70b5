package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.notes.notes.NumericClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A paper's speedup and memory claims ("2.1x faster ... at sequence length 4096") beside what the team's
 * devices measured at the shapes the paper states: per claim, sequence length and device, the measured
 * ratio of naive attention over the best optimized variant (median time for speed, peak memory for memory),
 * measured over claimed, and a verdict.
 */
public final class ClaimCheck {
    /** Measured at least this share of the claim: reproduced. */
    public static final double REPRODUCED_AT = 0.9;
    /** Measured at least this share, but under {@link #REPRODUCED_AT}: partly reproduced. */
    public static final double PARTLY_AT = 0.5;
    public static final int MAX_CLAIMS = 10;
    public static final int MAX_SEQ_LENS = 8;
    public static final int MAX_ROWS = 200;
    private static final String NAIVE = "naive";

    private ClaimCheck() {
    }

    public enum Verdict {
        REPRODUCED("Reproduced"), PARTLY_REPRODUCED("Partly reproduced"), NOT_REPRODUCED("Not reproduced"),
        NOT_MEASURED("Not measured yet");

        public final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(double ratio) {
            return ratio >= REPRODUCED_AT ? REPRODUCED : ratio >= PARTLY_AT ? PARTLY_REPRODUCED : NOT_REPRODUCED;
        }
    }

    /**
     * One claim at one sequence length on one device. {@code shapeFrom} says where the length came from: the
     * claim's sentence, the paper's title/abstract/comment, or the measured sweep when the paper states none.
     * The measurement fields are null for {@code NOT_MEASURED}.
     */
    public record Row(String kind, String claim, double claimed, String context, int seqLen, String shapeFrom,
            Verdict verdict, String verdictText, String jobId, String device, String kernelBuild,
            BenchmarkShape shape, String variant, Double measured, Double ratio, Instant measuredAt) {
    }

    public record Report(String paperId, List<Row> rows, boolean truncated, double reproducedAt, double partlyAt) {
    }

    /** {@code statedText}: the paper's title, abstract and comment, where it states its shapes. */
    public static Report of(String paperId, String statedText, List<NumericClaim> claims, List<BenchmarkCompleted> jobs) {
        List<BenchmarkCompleted> completed = jobs.stream().filter(j -> BenchmarkCompleted.COMPLETED.equals(j.status()))
                .sorted(Comparator.comparing(BenchmarkCompleted::completedAt).reversed()).toList();
        List<Integer> paperLens = ClaimedShape.in(statedText).seqLens();
        List<Row> rows = new ArrayList<>();
        boolean truncated = false;
        Set<String> seen = new HashSet<>();
        List<NumericClaim> checked = claims.stream().filter(c -> "x".equals(c.unit()))
                .filter(c -> NumericClaim.SPEEDUP.equals(c.kind()) || NumericClaim.MEMORY.equals(c.kind()))
                // the abstract's claims are found on read and again in the parsed full text
                .filter(c -> seen.add(c.kind() + c.value() + "|" + c.context())).toList();
        if (checked.size() > MAX_CLAIMS) {
            truncated = true;
            checked = checked.subList(0, MAX_CLAIMS);
        }
        for (NumericClaim claim : checked) {
            List<Integer> lens = ClaimedShape.in(claim.context()).seqLens();
            String from = "the claim's sentence";
            if (lens.isEmpty()) {
                lens = paperLens;
                from = "the paper's title, abstract and comment";
            }
            if (lens.isEmpty()) {
                lens = List.copyOf(new TreeSet<>(completed.stream()
                        .flatMap(j -> j.results().stream().map(BenchmarkCompleted.Result::seqLen)).toList()));
                from = "the benchmark's sweep (the paper states no sequence length)";
            }
            if (lens.size() > MAX_SEQ_LENS) {
                truncated = true;
                lens = lens.subList(0, MAX_SEQ_LENS);
            }
            for (int seqLen : lens) {
                for (Row row : rowsAt(claim, seqLen, from, completed)) {
                    if (rows.size() == MAX_ROWS) {
                        return new Report(paperId, rows, true, REPRODUCED_AT, PARTLY_AT);
                    }
                    rows.add(row);
                }
            }
        }
        return new Report(paperId, rows, truncated, REPRODUCED_AT, PARTLY_AT);
    }

    /** The newest job per device that measured naive and an optimized variant at the length. */
    private static List<Row> rowsAt(NumericClaim claim, int seqLen, String from, List<BenchmarkCompleted> newestFirst) {
        boolean memory = NumericClaim.MEMORY.equals(claim.kind());
        ToDoubleFunction<BenchmarkCompleted.Result> cost = memory ? r -> r.peakBytes() : BenchmarkCompleted.Result::medianMs;
        Map<String, Row> perDevice = new LinkedHashMap<>();
        for (BenchmarkCompleted job : newestFirst) {
            String device = job.device().kind() + ":" + job.device().name();
            if (perDevice.containsKey(device)) {
                continue;
            }
            List<BenchmarkCompleted.Result> at = job.results().stream()
                    .filter(r -> r.seqLen() == seqLen && r.passed() && positive(cost.applyAsDouble(r))).toList();
            Optional<BenchmarkCompleted.Result> naive = at.stream().filter(r -> NAIVE.equals(r.variant())).findFirst();
            Optional<BenchmarkCompleted.Result> best = at.stream().filter(r -> !NAIVE.equals(r.variant()))
                    .min(Comparator.comparingDouble(cost));
            if (naive.isEmpty() || best.isEmpty()) {
                continue;
            }
            double measured = cost.applyAsDouble(naive.get()) / cost.applyAsDouble(best.get());
            double ratio = measured / claim.value();
            Verdict verdict = Verdict.of(ratio);
            String text = String.format(Locale.ROOT, "%s: measured %.2fx vs claimed %sx (%.0f%% of the claim) on %s",
                    verdict.label, measured, number(claim.value()), ratio * 100, job.device().name());
            perDevice.put(device, new Row(claim.kind(), claim.phrase(), claim.value(), claim.context(), seqLen, from,
                    verdict, text, job.jobId(), job.device().name(), job.kernelBuild(), BenchmarkShape.of(best.get()),
                    best.get().variant(), measured, ratio, job.completedAt()));
        }
        if (perDevice.isEmpty()) {
            String text = "Not measured yet at N=" + seqLen + ": no completed run has naive and an optimized kernel there";
            return List.of(new Row(claim.kind(), claim.phrase(), claim.value(), claim.context(), seqLen, from,
                    Verdict.NOT_MEASURED, text, null, null, null, null, null, null, null, null));
        }
        return List.copyOf(perDevice.values());
    }

    private static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
