package dev.paperstream.notes.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.support.problem.ProblemException;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured shape (batch, heads, sequence length, head dimension, dtype, causal), named by a key that
 * travels in URLs: {@code b1-h4-n2048-d64-fp32}, {@code ...-causal}.
 */
public record BenchmarkShape(int batch, int heads, int seqLen, int headDim, String dtype, boolean causal) {
    private static final Pattern KEY = Pattern.compile("b(\\d{1,6})-h(\\d{1,6})-n(\\d{1,9})-d(\\d{1,6})-([a-z0-9]{1,16})(-causal)?");
    public static final Comparator<BenchmarkShape> ORDER = Comparator.comparing(BenchmarkShape::dtype)
            .thenComparingInt(BenchmarkShape::headDim).thenComparing(BenchmarkShape::causal)
            .thenComparingInt(BenchmarkShape::batch).thenComparingInt(BenchmarkShape::heads)
            .thenComparingInt(BenchmarkShape::seqLen);

    public static BenchmarkShape of(BenchmarkCompleted.Result r) {
        return new BenchmarkShape(r.batch(), r.heads(), r.seqLen(), r.headDim(),
                r.dtype() == null ? "fp32" : r.dtype().toLowerCase(Locale.ROOT), r.causal());
    }

    /** The shape a key names; a malformed key is a 400 that shows the form. */
    public static BenchmarkShape parse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw ProblemException.badRequest("shape must look like b1-h4-n2048-d64-fp32 (optionally -causal), got '"
                    + key + "'");
        }
        return new BenchmarkShape(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5), m.group(6) != null);
    }

    @JsonProperty("key")
    public String key() {
        return "b" + batch + "-h" + heads + "-n" + seqLen + "-d" + headDim + "-" + dtype + (causal ? "-causal" : "");
    }

    @JsonProperty("label")
    public String label() {
        return "B=" + batch + " H=" + heads + " N=" + seqLen + " D=" + headDim + " " + dtype + (causal ? " causal" : "");
    }
}
