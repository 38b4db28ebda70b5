package dev.paperstream.kernel.cpu;

import dev.paperstream.kernel.bench.Shape;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Attention in float32 on the CPU, Q, K, V and out [batch, heads, seq, headDim] row-major. Both
 * variants run the same {@link Lanes} loops over blocks of {@link #Q_BLOCK} query rows, in parallel;
 * naive materialises the scores of a whole head, tiled keeps a running max and sum per row (the
 * FlashAttention recurrence) and needs only one block of scores per thread.
 */
public final class CpuAttention {
    static final int Q_BLOCK = 64;
    static final int K_BLOCK = 128;

    private final ForkJoinPool pool;

    public CpuAttention(ForkJoinPool pool) {
        this.pool = pool;
    }

    public int threads() {
        return pool.getParallelism();
    }

    public void naive(Shape s, float[] q, float[] k, float[] v, float[] out) {
        int n = s.seqLen();
        int d = s.headDim();
        int width = Lanes.padded(n);
        float[] scores = new float[Math.multiplyExact(n, width)];
        float[] kt = new float[d * width];
        float scale = (float) (1.0 / Math.sqrt(d));
        int blocks = (n + Q_BLOCK - 1) / Q_BLOCK;
        for (int head = 0; head < s.batch() * s.heads(); head++) {
            int base = head * n * d;
            transpose(k, base, n, d, kt, 0, width);
            parallel(blocks, b -> {
                int i0 = b * Q_BLOCK;
                int rows = Math.min(Q_BLOCK, n - i0);
                int keys = s.causal() ? Lanes.padded(i0 + rows) : width;
                Lanes.scores(q, base + i0 * d, rows, d, kt, 0, width, keys, scores, i0 * width, width, scale);
                mask(scores, i0 * width, width, rows, i0, 0, keys, s.causal(), n);
                softmaxAndPv(scores, i0 * width, width, rows, keys, Math.min(keys, n), v, base, d, out,
                        base + i0 * d);
            });
        }
    }

    private static void softmaxAndPv(float[] p, int pOff, int pStride, int rows, int cols, int keys, float[] v,
            int vOff, int d, float[] out, int oOff) {
        float[] sums = new float[rows];
        for (int r = 0; r < rows; r++) {
            int row = pOff + r * pStride;
            sums[r] = Lanes.expShifted(p, row, cols, Lanes.max(p, row, cols));
        }
        Arrays.fill(out, oOff, oOff + rows * d, 0f);
        Lanes.pv(p, pOff, pStride, rows, keys, v, vOff, d, out, oOff);
        for (int r = 0; r < rows; r++) {
            Lanes.scale(out, oOff + r * d, d, 1f / sums[r]);
        }
    }

    public void tiled(Shape s, float[] q, float[] k, float[] v, float[] out) {
        int n = s.seqLen();
        int d = s.headDim();
        int heads = s.batch() * s.heads();
        int width = Lanes.padded(n);
        float scale = (float) (1.0 / Math.sqrt(d));
        // K transposed once per head (O(seq x headDim), like K itself) for the broadcast-FMA score loop.
        float[] kt = new float[Math.multiplyExact(heads, d * width)];
        parallel(heads, h -> transpose(k, h * n * d, n, d, kt, h * d * width, width));
        int blocks = (n + Q_BLOCK - 1) / Q_BLOCK;
        parallel(heads * blocks, task -> {
            int head = task / blocks;
            int i0 = task % blocks * Q_BLOCK;
            int rows = Math.min(Q_BLOCK, n - i0);
            tiledBlock(s.causal(), n, d, scale, q, kt, head * d * width, width, v, out, head * n * d, i0, rows);
        });
    }

    private static void tiledBlock(boolean causal, int n, int d, float scale, float[] q, float[] kt, int ktOff,
            int ktStride, float[] v, float[] out, int base, int i0, int rows) {
        float[] p = new float[rows * K_BLOCK];
        float[] max = new float[rows];
        float[] sum = new float[rows];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        int oOff = base + i0 * d;
        Arrays.fill(out, oOff, oOff + rows * d, 0f);
        int end = causal ? i0 + rows : n;
        for (int j0 = 0; j0 < end; j0 += K_BLOCK) {
            int cols = Math.min(K_BLOCK, end - j0);
            int width = Lanes.padded(cols);
            Lanes.scores(q, oOff, rows, d, kt, ktOff + j0, ktStride, width, p, 0, width, scale);
            mask(p, 0, width, rows, i0, j0, width, causal, n);
            for (int r = 0; r < rows; r++) {
                float m = Math.max(max[r], Lanes.max(p, r * width, width));
                if (m == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                float e = Lanes.expShifted(p, r * width, width, m);
                if (m == max[r]) {
                    sum[r] += e;
                } else {
                    float correction = (float) Math.exp(max[r] - m);
                    sum[r] = sum[r] * correction + e;
                    max[r] = m;
                    Lanes.scale(out, oOff + r * d, d, correction);
                }
            }
            Lanes.pv(p, 0, width, rows, cols, v, base + j0 * d, d, out, oOff);
        }
        for (int r = 0; r < rows; r++) {
            Lanes.scale(out, oOff + r * d, d, 1f / sum[r]);
        }
    }

    /**
     * Sets to -inf the scores of columns j0 + c (c < width) that row i0 + r may not see: keys past
     * {@code keys} (padding) and, when causal, keys after the row itself.
     */
    private static void mask(float[] s, int sOff, int stride, int rows, int i0, int j0, int width, boolean causal,
            int keys) {
        for (int r = 0; r < rows; r++) {
            int limit = causal ? Math.min(i0 + r + 1, keys) : keys;
            for (int c = Math.max(0, limit - j0); c < width; c++) {
                s[sOff + r * stride + c] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    /** kt[ktOff + x * width + c] = k[kOff + c * d + x] for c < cols, zero up to width. */
    private static void transpose(float[] k, int kOff, int cols, int d, float[] kt, int ktOff, int width) {
        for (int c = 0; c < cols; c++) {
            for (int x = 0; x < d; x++) {
                kt[ktOff + x * width + c] = k[kOff + c * d + x];
            }
        }
        for (int x = 0; x < d; x++) {
            Arrays.fill(kt, ktOff + x * width + cols, ktOff + (x + 1) * width, 0f);
        }
    }

    private void parallel(int tasks, java.util.function.IntConsumer body) {
        pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(body)).join();
    }

    /** Bytes a variant allocates besides Q, K, V and the output. */
    public long workspaceBytes(String variant, Shape s) {
        long width = Lanes.padded(s.seqLen());
        if ("naive".equals(variant)) {
            return 4L * (s.seqLen() * width + s.headDim() * width);
        }
        return 4L * ((long) s.batch() * s.heads() * s.headDim() * width
                + threads() * (Q_BLOCK * K_BLOCK + 2L * Q_BLOCK));
    }
}
