package dev.paperstream.kernel.cpu;

import dev.paperstream.kernel.bench.AttentionOptions;
import dev.paperstream.kernel.bench.Shape;
import java.util.Arrays;

/**
 * One block of query rows of the tiled kernel: walks the keys in blocks of {@link CpuAttention#K_BLOCK}
 * with a running max and sum per row (the FlashAttention recurrence), so only one block of scores exists.
 * Key blocks past the head's key length (and past the rows, when causal) are never computed.
 */
final class TiledBlock {
    private final Shape s;
    private final AttentionOptions options;
    private final int head;
    private final int d;
    private final float scale;
    private final float[] q;
    private final float[] kt;
    private final int ktOff;
    private final float[] v;
    private final float[] out;
    private final int i0;
    private final int rows;

    TiledBlock(Shape s, AttentionOptions options, int head, int d, float scale, float[] q, float[] kt, int ktOff,
            float[] v, float[] out, int i0, int rows) {
        this.s = s;
        this.options = options;
        this.head = head;
        this.d = d;
        this.scale = scale;
        this.q = q;
        this.kt = kt;
        this.ktOff = ktOff;
        this.v = v;
        this.out = out;
        this.i0 = i0;
        this.rows = rows;
    }

    void run() {
        int base = head * s.seqLen() * d;
        int bk = CpuAttention.K_BLOCK;
        float[] p = new float[rows * bk];
        float[] max = new float[rows];
        float[] sum = new float[rows];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        int oOff = base + i0 * d;
        Arrays.fill(out, oOff, oOff + rows * d, 0f);
        int keyEnd = Visibility.keyEnd(s, options, head);
        int end = s.causal() ? Math.min(i0 + rows, keyEnd) : keyEnd;
        boolean dropout = options.dropout() > 0;
        for (int j0 = 0; j0 < end; j0 += bk) {
            int cols = Math.min(bk, end - j0);
            int width = Lanes.padded(cols);
            // K transposed is stored as [headDim, K_BLOCK] tiles, j0 / bk of them before this one.
            Lanes.scores(q, oOff, rows, d, kt, ktOff + j0 * d, bk, width, p, 0, width, scale);
            Visibility.mask(s, options, head, p, 0, width, rows, i0, j0, width);
            for (int r = 0; r < rows; r++) {
                int row = r * width;
                float m = Math.max(max[r], Lanes.max(p, row, width));
                if (m == Float.NEGATIVE_INFINITY) {
                    // Nothing visible in this row yet: its weights in this block are zero, not exp(-inf + inf).
                    Arrays.fill(p, row, row + width, 0f);
                    continue;
                }
                float e = Lanes.expShifted(p, row, width, m);
                if (m == max[r]) {
                    sum[r] += e;
                } else {
                    float correction = (float) Math.exp(max[r] - m);
                    sum[r] = sum[r] * correction + e;
                    max[r] = m;
                    Lanes.scale(out, oOff + r * d, d, correction);
                }
                if (dropout) {
                    // The sum above is of the undropped weights: dropout acts on the normalised softmax.
                    Visibility.dropout(options, head, i0 + r, p, row, j0, width);
                }
            }
            Lanes.pv(p, 0, width, rows, cols, v, base + j0 * d, d, out, oOff);
        }
        for (int r = 0; r < rows; r++) {
            Lanes.scale(out, oOff + r * d, d, sum[r] > 0 ? 1f / sum[r] : 0f);
        }
    }
}
