package dev.paperstream.kernel.cpu;

import dev.paperstream.kernel.bench.AttentionOptions;
import dev.paperstream.kernel.bench.Shape;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Applies {@link AttentionOptions} to a block of scores or probabilities the same way in every variant: the
 * masks (-inf before softmax) and the dropout keep test (after it), vectorised with the same integer hash as
 * the scalar {@link AttentionOptions#keeps}, so that the kernels and the reference drop the same weights.
 */
final class Visibility {
    private static final VectorSpecies<Integer> I = Lanes.F.withLanes(int.class);

    private Visibility() {
    }

    /** The keys this head's rows may see at most, after key padding: [0, result). */
    static int keyEnd(Shape s, AttentionOptions o, int head) {
        return Math.min(s.seqLen(), o.keyLimit(s, head));
    }

    /**
     * Sets to -inf the scores of columns j0 + c (c < width) that row i0 + r (r < rows) of the head may not see:
     * keys past the head's key length (padding, and the columns padded to a vector), after the row itself when
     * causal, and those the boolean mask forbids.
     */
    static void mask(Shape s, AttentionOptions o, int head, float[] p, int pOff, int stride, int rows, int i0,
            int j0, int width) {
        int keys = keyEnd(s, o, head);
        boolean[] m = o.mask();
        int n = s.seqLen();
        int mOff = o.maskOffset(s, head);
        for (int r = 0; r < rows; r++) {
            int row = pOff + r * stride;
            int limit = s.causal() ? Math.min(i0 + r + 1, keys) : keys;
            int visible = Math.max(0, Math.min(width, limit - j0));
            for (int c = visible; c < width; c++) {
                p[row + c] = Float.NEGATIVE_INFINITY;
            }
            if (m != null) {
                int at = mOff + (i0 + r) * n + j0;
                for (int c = 0; c < visible; c++) {
                    if (!m[at + c]) {
                        p[row + c] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
        }
    }

    /**
     * Zeroes the weights of p[off + c] (c < width, width a multiple of the lanes) of query {@code row} at keys
     * j0 + c that dropout removes and scales the others by 1 / (1 - p).
     */
    static void dropout(AttentionOptions o, int head, int row, float[] p, int off, int j0, int width) {
        int rowKey = AttentionOptions.rowKey(o.dropoutSeed(), head, row);
        int threshold = o.dropThreshold();
        float keep = o.keepScale();
        IntVector iota = IntVector.zero(I).addIndex(1);
        for (int c = 0; c < width; c += Lanes.LANES) {
            IntVector h = iota.add(j0 + c).mul(0x9E3779B9).lanewise(VectorOperators.XOR, rowKey);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x85EBCA6B);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 13)).mul(0xC2B2AE35);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16));
            VectorMask<Integer> kept = h.lanewise(VectorOperators.LSHR, 8).compare(VectorOperators.GE, threshold);
            FloatVector v = FloatVector.fromArray(Lanes.F, p, off + c).mul(keep);
            v.blend(0f, kept.cast(Lanes.F).not()).intoArray(p, off + c);
        }
    }
}
