package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.BenchmarkRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a benchmark answers: a configuration, not a paper. Papers that ask the same question share one job
 * per freshness window; {@link #key()} is the canonical form they are matched by (variants and sequence
 * lengths sorted, every field named).
 */
public record BenchmarkQuestion(List<String> variants, int batch, int heads, List<Integer> seqLens, int headDim,
        boolean causal, String dtype, String device) {

    public BenchmarkQuestion {
        variants = List.copyOf(new TreeSet<>(variants));
        seqLens = List.copyOf(new TreeSet<>(seqLens));
    }

    /**
     * The question a paper asks: the shapes it states (clamped to what the kernels run), the standard sweep
     * for whatever it does not state.
     */
    public static BenchmarkQuestion of(BenchmarkSettings s, ClaimedShape claimed) {
        List<Integer> seqLens = claimed.seqLens().isEmpty() ? s.seqLens() : clampSeqLens(s, claimed.seqLens());
        int headDim = claimed.headDim().map(d -> nearestHeadDim(s.headDims(), d)).orElse(s.headDim());
        return new BenchmarkQuestion(s.variants(), s.batch(), s.heads(), seqLens, headDim, false,
                claimed.dtype().orElse(s.dtype()), s.device());
    }

    /** Each length rounded up to a power of two and clamped into bounds; the largest {@code maxSeqLens} of them. */
    static List<Integer> clampSeqLens(BenchmarkSettings s, List<Integer> claimed) {
        TreeSet<Integer> lens = new TreeSet<>();
        for (int n : claimed) {
            int pow = Integer.highestOneBit(Math.max(1, Math.min(n, s.maxSeqLen())));
            int rounded = pow < n ? pow << 1 : pow;
            lens.add(Math.max(s.minSeqLen(), Math.min(s.maxSeqLen(), rounded)));
        }
        List<Integer> sorted = new ArrayList<>(lens);
        return sorted.subList(Math.max(0, sorted.size() - s.maxSeqLens()), sorted.size());
    }

    /** The smallest runnable head dimension that holds the claimed one, else the largest runnable. */
    static int nearestHeadDim(List<Integer> runnable, int claimed) {
        return runnable.stream().filter(d -> d >= claimed).min(Integer::compare)
                .orElse(runnable.stream().max(Integer::compare).orElseThrow());
    }

    public String key() {
        return "variants=" + String.join(",", variants) + ";batch=" + batch + ";heads=" + heads + ";seqLens="
                + String.join(",", seqLens.stream().map(String::valueOf).toList()) + ";headDim=" + headDim
                + ";causal=" + causal + ";dtype=" + dtype + ";device=" + device;
    }

    /** The request for a job answering this question; {@code paperId} is the paper that asked first. */
    public BenchmarkRequested request(String jobId, String paperId) {
        return new BenchmarkRequested(jobId, variants, batch, heads, seqLens, headDim, causal, dtype, device, paperId);
    }
}
