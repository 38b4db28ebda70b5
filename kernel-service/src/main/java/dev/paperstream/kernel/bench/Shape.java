package dev.paperstream.kernel.bench;

/** One problem size: Q, K, V and the output are [batch, heads, seqLen, headDim]. */
public record Shape(int batch, int heads, int seqLen, int headDim, boolean causal, String dtype) {

    /** 4 x B x H x N^2 x D (two GEMMs), halved for causal since half the scores are masked. */
    public double flops() {
        double f = 4.0 * batch * heads * (double) seqLen * seqLen * headDim;
        return causal ? f / 2 : f;
    }

    public long elements() {
        return (long) batch * heads * seqLen * headDim;
    }

    public int bytesPerElement() {
        return "fp32".equals(dtype) ? 4 : 2;
    }

    /** The traffic every kernel must do at least: read Q, K, V and write O once. */
    public long compulsoryBytes() {
        return 4L * elements() * bytesPerElement();
    }

    public String label() {
        return "b" + batch + " h" + heads + " n" + seqLen + " d" + headDim + (causal ? " causal" : "") + " " + dtype;
    }
}
