package dev.paperstream.kernel.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the seed's reference attention takes besides Q, K, V and the causal flag of the {@link Shape}; every
 * visibility rule is applied to the scores before softmax, and they combine (a key is seen only if all allow it).
 *
 * @param keyLengths per batch element, how many leading keys are real (0..seqLen); the rest are padding that no
 *     query sees. Null: every key is real.
 * @param mask boolean, true = the query may attend to the key (PyTorch SDPA's convention), either [seq, seq]
 *     shared by every batch element and head, or [batch x heads, seq, seq]. Null: no mask.
 * @param dropout probability in [0, 1) of zeroing a weight after softmax; kept weights are scaled by 1 / (1 - p).
 * @param dropoutSeed the seed of the keep mask: a weight's fate depends only on (seed, head, row, key), so
 *     every variant and tiling drops the same weights.
 */
public record AttentionOptions(int[] keyLengths, boolean[] mask, double dropout, long dropoutSeed) {
    public static final AttentionOptions NONE = new AttentionOptions(null, null, 0, 0);

    /** Dropout probabilities are resolved in steps of 2^-24 (the keep test compares 24 random bits). */
    private static final int DROP_BITS = 24;

    public boolean masked() {
        return keyLengths != null || mask != null;
    }

    /** What is wrong with these options for that shape; empty when they fit. */
    public List<String> problems(Shape s) {
        List<String> p = new ArrayList<>();
        if (keyLengths != null) {
            if (keyLengths.length != s.batch()) {
                p.add("keyLengths has " + keyLengths.length + " entries; the batch is " + s.batch());
            }
            for (int i = 0; i < keyLengths.length; i++) {
                if (keyLengths[i] < 0 || keyLengths[i] > s.seqLen()) {
                    p.add("keyLengths[" + i + "] is " + keyLengths[i] + "; must be 0.." + s.seqLen());
                }
            }
        }
        long square = (long) s.seqLen() * s.seqLen();
        if (mask != null && mask.length != square && mask.length != square * s.batch() * s.heads()) {
            p.add("mask has " + mask.length + " entries; must be seq x seq (" + square + ") or batch x heads x seq x"
                    + " seq (" + square * s.batch() * s.heads() + ")");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            p.add("dropout must be in [0, 1), not " + dropout);
        }
        return p;
    }

    /** Keys a query row of this head may see at most (before causal and mask): its batch element's length. */
    public int keyLimit(Shape s, int head) {
        return keyLengths == null ? s.seqLen() : keyLengths[head / s.heads()];
    }

    /** Where this head's [seq, seq] slice of the mask starts. */
    public int maskOffset(Shape s, int head) {
        return mask == null || mask.length == s.seqLen() * s.seqLen() ? 0 : head * s.seqLen() * s.seqLen();
    }

    /** Whether query {@code row} of {@code head} may attend to {@code key}. */
    public boolean visible(Shape s, int head, int row, int key) {
        return key < keyLimit(s, head) && (!s.causal() || key <= row)
                && (mask == null || mask[maskOffset(s, head) + row * s.seqLen() + key]);
    }

    /** A weight is dropped when its 24 random bits fall below this. */
    public int dropThreshold() {
        return (int) Math.round(dropout * (1 << DROP_BITS));
    }

    public float keepScale() {
        return (float) (1 / (1 - dropout));
    }

    /** Whether the weight of (head, row, key) survives dropout; the scalar twin of the CPU kernels' vector test. */
    public boolean keeps(int head, int row, int key) {
        return dropout == 0 || (mixColumn(rowKey(dropoutSeed, head, row), key) >>> (32 - DROP_BITS)) >= dropThreshold();
    }

    /** The per-row key of the counter-based generator: SplitMix64's finaliser over (seed, head, row). */
    public static int rowKey(long seed, int head, int row) {
        long z = seed + head * 0x9E3779B97F4A7C15L + (row + 1L) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (z ^ (z >>> 32));
    }

    /** MurmurHash3's 32-bit finaliser over the row key and the key index: 32 random bits per weight. */
    public static int mixColumn(int rowKey, int key) {
        int h = rowKey ^ (key * 0x9E3779B9);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
