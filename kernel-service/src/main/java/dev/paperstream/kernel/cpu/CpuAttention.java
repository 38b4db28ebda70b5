package dev.paperstream.kernel.cpu;

import dev.paperstream.kernel.bench.AttentionOptions;
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
        naive(s, q, k, v, out, AttentionOptions.NONE, null);
    }

    /**
     * Naive attention with masks and dropout; when {@code weights} is not null ([batch x heads, seq, seq]) it
     * receives the weights multiplied with V (after masks, softmax and dropout). A row that sees no key gets
     * zeros, in the output and in the weights.
     */
    public void naive(Shape s, float[] q, float[] k, float[] v, float[] out, AttentionOptions options,
            float[] weights) {
        check(s, options);
        int n = s.seqLen();
        int d = s.headDim();
        if (weights != null && weights.length != (long) s.batch() * s.heads() * n * n) {
            throw new IllegalArgumentException("weights must hold batch x heads x seq x seq floats");
        }
        int width = Lanes.padded(n);
        float[] scores = new float[Math.multiplyExact(n, width)];
        float[] kt = new float[d * width];
        float scale = (float) (1.0 / Math.sqrt(d));
        int blocks = (n + Q_BLOCK - 1) / Q_BLOCK;
        for (int h = 0; h < s.batch() * s.heads(); h++) {
            int head = h;
            int base = head * n * d;
            transpose(k, base, n, d, kt, 0, width);
            parallel(blocks, b -> {
                int i0 = b * Q_BLOCK;
                int rows = Math.min(Q_BLOCK, n - i0);
                int keys = s.causal() ? Lanes.padded(i0 + rows) : width;
                int pOff = i0 * width;
                Lanes.scores(q, base + i0 * d, rows, d, kt, 0, width, keys, scores, pOff, width, scale);
                Visibility.mask(s, options, head, scores, pOff, width, rows, i0, 0, keys);
                float[] sums = new float[rows];
                for (int r = 0; r < rows; r++) {
                    sums[r] = softmaxNumerator(scores, pOff + r * width, keys);
                    if (options.dropout() > 0) {
                        Visibility.dropout(options, head, i0 + r, scores, pOff + r * width, 0, keys);
                    }
                }
                int oOff = base + i0 * d;
                Arrays.fill(out, oOff, oOff + rows * d, 0f);
                Lanes.pv(scores, pOff, width, rows, Math.min(keys, n), v, base, d, out, oOff);
                for (int r = 0; r < rows; r++) {
                    float norm = sums[r] > 0 ? 1f / sums[r] : 0f;
                    Lanes.scale(out, oOff + r * d, d, norm);
                    if (weights != null) {
                        int w = (head * n + i0 + r) * n;
                        int copied = Math.min(keys, n);
                        for (int c = 0; c < copied; c++) {
                            weights[w + c] = scores[pOff + r * width + c] * norm;
                        }
                        Arrays.fill(weights, w + copied, w + n, 0f);
                    }
                }
            });
        }
    }

    /** exp(x - max) over a row of scores, in place; returns the sum. A row with no visible key becomes zeros. */
    private static float softmaxNumerator(float[] p, int row, int cols) {
        float max = Lanes.max(p, row, cols);
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(p, row, row + cols, 0f);
            return 0f;
        }
        return Lanes.expShifted(p, row, cols, max);
    }

    public void tiled(Shape s, float[] q, float[] k, float[] v, float[] out) {
        tiled(s, q, k, v, out, AttentionOptions.NONE);
    }

    /** Tiled attention with masks and dropout; a row that sees no key gets zeros. */
    public void tiled(Shape s, float[] q, float[] k, float[] v, float[] out, AttentionOptions options) {
        check(s, options);
        int n = s.seqLen();
        int d = s.headDim();
        int heads = s.batch() * s.heads();
        float scale = (float) (1.0 / Math.sqrt(d));
        // K transposed once per head (O(seq x headDim), like K itself) for the broadcast-FMA score loop, one
        // [headDim, K_BLOCK] tile after the other: the rows of a tile are 512 bytes apart, where rows of a whole
        // [headDim, seq] transpose would be seq x 4 bytes apart and, at a power of two, share a few L1 sets.
        int headStride = Math.multiplyExact(keyBlocks(n), d * K_BLOCK);
        float[] kt = new float[Math.multiplyExact(heads, headStride)];
        parallel(heads, h -> {
            for (int j0 = 0; j0 < n; j0 += K_BLOCK) {
                transpose(k, (h * n + j0) * d, Math.min(K_BLOCK, n - j0), d, kt, h * headStride + j0 * d, K_BLOCK);
            }
        });
        int blocks = (n + Q_BLOCK - 1) / Q_BLOCK;
        parallel(heads * blocks, task -> {
            int head = task / blocks;
            int i0 = task % blocks * Q_BLOCK;
            int rows = Math.min(Q_BLOCK, n - i0);
            new TiledBlock(s, options, head, d, scale, q, kt, head * headStride, v, out, i0, rows).run();
        });
    }

    private static void check(Shape s, AttentionOptions options) {
        java.util.List<String> problems = options.problems(s);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
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

    private static int keyBlocks(int n) {
        return (n + K_BLOCK - 1) / K_BLOCK;
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
        return 4L * ((long) s.batch() * s.heads() * s.headDim() * keyBlocks(s.seqLen()) * K_BLOCK
                + threads() * (Q_BLOCK * K_BLOCK + 2L * Q_BLOCK));
    }
}
