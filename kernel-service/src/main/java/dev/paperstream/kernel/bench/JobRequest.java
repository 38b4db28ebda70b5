package dev.paperstream.kernel.bench;

import dev.paperstream.events.BenchmarkRequested;
import java.util.ArrayList;
import java.util.List;

/**
 * What to measure: the same fields in the REST body, the benchmark.requested event and the command
 * line. Boxed fields so that a missing one is reported rather than read as zero.
 */
public record JobRequest(String device, List<String> variants, Integer batch, Integer heads, List<Integer> seqLens,
        Integer headDim, Boolean causal, String dtype, String paperId) {

    public static final List<String> DEVICES = List.of("auto", "cpu", "cuda");
    public static final List<String> VARIANTS = List.of("naive", "tiled", "fused");
    public static final List<String> DTYPES = List.of(Precision.FP32, Precision.FP16, Precision.BF16);
    static final int MAX_SEQ_LEN = 1 << 20;
    static final int MAX_HEAD_DIM = 256;
    static final int MAX_SEQ_LENS = 32;

    public static JobRequest of(BenchmarkRequested e) {
        return new JobRequest(e.device(), e.variants(), e.batch(), e.heads(), e.seqLens(), e.headDim(), e.causal(),
                e.dtype(), e.paperId());
    }

    /** Fills the optional fields: device auto, dtype fp32, not causal. */
    public JobRequest withDefaults() {
        return new JobRequest(device == null ? "auto" : device, variants, batch, heads, seqLens, headDim,
                causal != null && causal, dtype == null ? Precision.FP32 : dtype, paperId);
    }

    /** What is wrong with the request regardless of the device; empty when it is well formed. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!DEVICES.contains(device)) {
            p.add("device must be one of " + DEVICES + ", not '" + device + "'");
        }
        if (variants == null || variants.isEmpty()) {
            p.add("variants must name at least one of " + VARIANTS);
        } else {
            variants.stream().filter(v -> !VARIANTS.contains(v)).distinct()
                    .forEach(v -> p.add("unknown variant '" + v + "' (known: " + VARIANTS + ")"));
        }
        positive(p, "batch", batch, 1 << 16);
        positive(p, "heads", heads, 1 << 12);
        positive(p, "headDim", headDim, MAX_HEAD_DIM);
        if (seqLens == null || seqLens.isEmpty()) {
            p.add("seqLens must list at least one sequence length");
        } else if (seqLens.size() > MAX_SEQ_LENS) {
            p.add("seqLens lists " + seqLens.size() + " lengths; at most " + MAX_SEQ_LENS);
        } else {
            seqLens.forEach(n -> positive(p, "seqLens[" + seqLens.indexOf(n) + "]", n, MAX_SEQ_LEN));
        }
        if (!DTYPES.contains(dtype)) {
            p.add("dtype must be one of " + DTYPES + ", not '" + dtype + "'");
        }
        if (paperId != null && paperId.isBlank()) {
            p.add("paperId must not be blank when given");
        }
        return p;
    }

    private static void positive(List<String> p, String field, Integer value, int max) {
        if (value == null) {
            p.add(field + " is required");
        } else if (value <= 0) {
            p.add(field + " must be positive, not " + value);
        } else if (value > max) {
            p.add(field + " is " + value + "; at most " + max);
        }
    }

    public List<Shape> shapes(String dtypeToRun) {
        return seqLens.stream().distinct().map(n -> new Shape(batch, heads, n, headDim, causal, dtypeToRun)).toList();
    }
}
