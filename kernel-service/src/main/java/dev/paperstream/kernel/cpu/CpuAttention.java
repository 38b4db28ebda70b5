package dev.paperstream.kernel.cpu;

import dev.paperstream.kernel.bench.Shape;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** Attention in float32 on the CPU. Q, K, V and out are [batch, heads, seq, headDim], row-major. */
public final class CpuAttention {
    static final int ROW_BLOCK = 64;

    private final ForkJoinPool pool;

    public CpuAttention(ForkJoinPool pool) {
        this.pool = pool;
    }

    public int threads() {
        return pool.getParallelism();
    }

    /** Materialises the seq x seq scores of one head at a time, then softmax, then P V. */
    public void naive(Shape s, float[] q, float[] k, float[] v, float[] out) {
        int n = s.seqLen();
        int d = s.headDim();
        float[] scores = new float[Math.multiplyExact(n, n)];
        float scale = (float) (1.0 / Math.sqrt(d));
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        for (int head = 0; head < s.batch() * s.heads(); head++) {
            int base = head * n * d;
            pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(b -> {
                int end = Math.min(n, (b + 1) * ROW_BLOCK);
                for (int i = b * ROW_BLOCK; i < end; i++) {
                    int keys = s.causal() ? i + 1 : n;
                    int row = i * n;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < keys; j++) {
                        float dot = 0;
                        for (int c = 0; c < d; c++) {
                            dot += q[base + i * d + c] * k[base + j * d + c];
                        }
                        scores[row + j] = dot * scale;
                        max = Math.max(max, scores[row + j]);
                    }
                    float sum = 0;
                    for (int j = 0; j < keys; j++) {
                        float p = (float) Math.exp(scores[row + j] - max);
                        scores[row + j] = p;
                        sum += p;
                    }
                    int o = base + i * d;
                    for (int c = 0; c < d; c++) {
                        out[o + c] = 0;
                    }
                    for (int j = 0; j < keys; j++) {
                        float p = scores[row + j] / sum;
                        for (int c = 0; c < d; c++) {
                            out[o + c] += p * v[base + j * d + c];
                        }
                    }
                }
            })).join();
        }
    }

    /** Bytes of workspace a variant allocates besides inputs and output. */
    public long workspaceBytes(String variant, Shape s) {
        return 4L * s.seqLen() * s.seqLen();
    }
}
