package dev.paperstream.kernel.bench;

import java.util.SplittableRandom;

/**
 * Compares a kernel's output with attention computed in float64. Every element is checked for the
 * NaN poison (a row the kernel never wrote); values are compared on up to {@code rows} query rows
 * (all of them for small shapes, else the first and last row and a random sample), because the
 * reference costs as much as the kernel itself in scalar double precision.
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** Max over the checked rows of max|out - ref| / max|ref| in that row; infinity if anything is NaN. */
    public static double maxRelError(Inputs in, float[] out, int rows, long seed) {
        return maxRelError(in, AttentionOptions.NONE, out, rows, seed);
    }

    /**
     * The same with masks and dropout; a row that sees no key must be exactly zero (the reference's zeros give
     * it no scale to be relative to).
     */
    public static double maxRelError(Inputs in, AttentionOptions options, float[] out, int rows, long seed) {
        for (float x : out) {
            if (Float.isNaN(x) || Float.isInfinite(x)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        Shape s = in.shape();
        long total = (long) s.batch() * s.heads() * s.seqLen();
        double worst = 0;
        double[] ref = new double[s.headDim()];
        if (total <= rows) {
            for (long r = 0; r < total; r++) {
                worst = Math.max(worst, rowError(in, options, out, (int) (r / s.seqLen()), (int) (r % s.seqLen()), ref));
            }
            return worst;
        }
        int lastHead = s.batch() * s.heads() - 1;
        worst = Math.max(rowError(in, options, out, 0, 0, ref), rowError(in, options, out, lastHead, s.seqLen() - 1, ref));
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 2; n < rows; n++) {
            long r = random.nextLong(total);
            worst = Math.max(worst, rowError(in, options, out, (int) (r / s.seqLen()), (int) (r % s.seqLen()), ref));
        }
        return worst;
    }

    private static double rowError(Inputs in, AttentionOptions options, float[] out, int head, int row,
            double[] ref) {
        Shape s = in.shape();
        referenceRow(in, options, head, row, ref, null);
        int d = s.headDim();
        long base = ((long) head * s.seqLen() + row) * d;
        double diff = 0;
        double scale = 0;
        for (int c = 0; c < d; c++) {
            diff = Math.max(diff, Math.abs(out[(int) (base + c)] - ref[c]));
            scale = Math.max(scale, Math.abs(ref[c]));
        }
        return diff / Math.max(scale, 1e-30);
    }

    /** Softmax(q k^T / sqrt(d)) v for one query row, in float64, max subtracted, causal mask applied. */
    public static void referenceRow(Inputs in, int head, int row, double[] ref) {
        referenceRow(in, AttentionOptions.NONE, head, row, ref, null);
    }

    /**
     * One query row in float64: scores of the keys the options let it see, max subtracted, softmax, dropout
     * (kept weights times 1 / (1 - p)), times V. A row that sees no key is zero. When {@code weights} is not
     * null it receives the row's seqLen weights, the ones multiplied with V.
     */
    public static void referenceRow(Inputs in, AttentionOptions options, int head, int row, double[] ref,
            double[] weights) {
        Shape s = in.shape();
        int n = s.seqLen();
        int d = s.headDim();
        long headBase = (long) head * n * d;
        int qBase = (int) (headBase + (long) row * d);
        double scale = 1.0 / Math.sqrt(d);
        double[] scores = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!options.visible(s, head, row, j)) {
                scores[j] = Double.NEGATIVE_INFINITY;
                continue;
            }
            int kBase = (int) (headBase + (long) j * d);
            double dot = 0;
            for (int c = 0; c < d; c++) {
                dot += (double) in.q()[qBase + c] * in.k()[kBase + c];
            }
            scores[j] = dot * scale;
            max = Math.max(max, scores[j]);
        }
        java.util.Arrays.fill(ref, 0);
        if (weights != null) {
            java.util.Arrays.fill(weights, 0);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            scores[j] = Math.exp(scores[j] - max);
            sum += scores[j];
        }
        double keepScale = 1 / (1 - options.dropout());
        for (int j = 0; j < n; j++) {
            double w = scores[j] / sum * (options.keeps(head, row, j) ? keepScale : 0);
            if (weights != null) {
                weights[j] = w;
            }
            int vBase = (int) (headBase + (long) j * d);
            for (int c = 0; c < d; c++) {
                ref[c] += w * in.v()[vBase + c];
            }
        }
    }
}
