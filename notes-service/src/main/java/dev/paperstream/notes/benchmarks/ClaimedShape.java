package dev.paperstream.notes.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape a paper states for its own measurements ("sequence length 4096", "N=8k", "head dimension 128",
 * "fp16"), as written; {@link BenchmarkQuestion#of} clamps it to what the kernels run. Empty parts mean the
 * paper did not say.
 */
public record ClaimedShape(List<Integer> seqLens, Optional<Integer> headDim, Optional<String> dtype) {
    private static final String SIZE = "(\\d+(?:\\.\\d+)?)\\s*([kK]\\b)?";
    private static final Pattern SIZE_ITEM = Pattern.compile(SIZE);
    /** "sequence lengths of 1k, 2k and 4k", "context length up to 16K", "seq len = 2048". */
    private static final Pattern SEQ_LIST = Pattern.compile(
            "\\b(?:sequence|context|seq\\.?)[\\s-]*(?:lengths?|len)\\s*(?:of|up to|=|:|from)?\\s*("
                    + SIZE + "(?:\\s*(?:,|and|or|to|/|-)\\s*" + SIZE + ")*)", Pattern.CASE_INSENSITIVE);
    /** "N=8k", "N = 2048": only with a size a sequence plausibly has (checked by the caller). */
    private static final Pattern N_EQUALS = Pattern.compile("\\bN\\s*=\\s*" + SIZE);
    /** "16K context", "4096-token sequences", "64k tokens of context". */
    private static final Pattern SIZE_CONTEXT = Pattern.compile(
            SIZE + "[\\s-]*(?:tokens?[\\s-]+(?:of\\s+)?)?(?:context|sequences?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD_DIM = Pattern.compile(
            "\\bhead[\\s-]*dim(?:ension)?s?\\s*(?:of|=|:)?\\s*(\\d+)|\\bd_?(?:head|h)\\s*=\\s*(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FP16 = Pattern.compile("\\b(?:fp16|float16|half[\\s-]precision)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BF16 = Pattern.compile("\\b(?:bf16|bfloat16)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FP32 = Pattern.compile("\\b(?:fp32|float32|single[\\s-]precision)\\b", Pattern.CASE_INSENSITIVE);
    /** Shorter "sequences" are counts of things ("3 sequences"), not lengths. */
    private static final int SHORTEST_PLAUSIBLE_SEQ = 64;

    public ClaimedShape {
        seqLens = List.copyOf(seqLens);
    }

    public static ClaimedShape in(String text) {
        if (text == null || text.isBlank()) {
            return new ClaimedShape(List.of(), Optional.empty(), Optional.empty());
        }
        List<Integer> seqLens = new ArrayList<>();
        Matcher list = SEQ_LIST.matcher(text);
        while (list.find()) {
            Matcher item = SIZE_ITEM.matcher(list.group(1));
            while (item.find()) {
                addSize(seqLens, item.group(1), item.group(2));
            }
        }
        for (Pattern p : List.of(N_EQUALS, SIZE_CONTEXT)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                addSize(seqLens, m.group(1), m.group(2));
            }
        }
        Optional<Integer> headDim = Optional.empty();
        Matcher h = HEAD_DIM.matcher(text);
        if (h.find()) {
            headDim = Optional.of(Integer.parseInt(h.group(1) != null ? h.group(1) : h.group(2)));
        }
        return new ClaimedShape(seqLens.stream().distinct().sorted().toList(), headDim, dtype(text));
    }

    /**
     * One dtype per question: fp16 when the paper names it (the precision attention kernels are usually
     * measured in), then bf16, then fp32.
     */
    private static Optional<String> dtype(String text) {
        if (FP16.matcher(text).find()) {
            return Optional.of("fp16");
        }
        if (BF16.matcher(text).find()) {
            return Optional.of("bf16");
        }
        return FP32.matcher(text).find() ? Optional.of("fp32") : Optional.empty();
    }

    private static void addSize(List<Integer> out, String number, String kilo) {
        double value = Double.parseDouble(number);
        if (kilo != null && !kilo.isEmpty()) {
            value *= 1024;
        }
        if (value >= SHORTEST_PLAUSIBLE_SEQ && value <= Integer.MAX_VALUE) {
            out.add((int) Math.round(value));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "seqLens=%s headDim=%s dtype=%s", seqLens, headDim.orElse(null),
                dtype.orElse(null));
    }
}
