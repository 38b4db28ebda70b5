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
                worst = Math.max(worst, rowError(in, out, (int) (r / s.seqLen()), (int) (r % s.seqLen()), ref));
            }
            return worst;
        }
        int lastHead = s.batch() * s.heads() - 1;
        worst = Math.max(rowError(in, out, 0, 0, ref), rowError(in, out, lastHead, s.seqLen() - 1, ref));
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 2; n < rows; n++) {
            long r = random.nextLong(total);
            worst = Math.max(worst, rowError(in, out, (int) (r / s.seqLen()), (int) (r % s.seqLen()), ref));
        }
        return worst;
    }

    private static double rowError(Inputs in, float[] out, int head, int row, double[] ref) {
        Shape s = in.shape();
        referenceRow(in, head, row, ref);
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
        Shape s = in.shape();
        int n = s.seqLen();
        int d = s.headDim();
        int keys = s.causal() ? row + 1 : n;
        long headBase = (long) head * n * d;
        int qBase = (int) (headBase + (long) row * d);
        double scale = 1.0 / Math.sqrt(d);
        double[] scores = new double[keys];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < keys; j++) {
            int kBase = (int) (headBase + (long) j * d);
            double dot = 0;
            for (int c = 0; c < d; c++) {
                dot += (double) in.q()[qBase + c] * in.k()[kBase + c];
            }
            scores[j] = dot * scale;
            max = Math.max(max, scores[j]);
        }
        java.util.Arrays.fill(ref, 0);
        double sum = 0;
        for (int j = 0; j < keys; j++) {
            double p = Math.exp(scores[j] - max);
            sum += p;
            int vBase = (int) (headBase + (long) j * d);
            for (int c = 0; c < d; c++) {
                ref[c] += p * in.v()[vBase + c];
            }
        }
        for (int c = 0; c < d; c++) {
            ref[c] /= sum;
        }
    }
}
