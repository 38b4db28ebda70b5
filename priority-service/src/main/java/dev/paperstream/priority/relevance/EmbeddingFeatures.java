package dev.paperstream.priority.relevance;

import dev.paperstream.priority.relevance.TfIdf.SparseVector;
import java.util.Arrays;

/**
 * Appends a paper's embedding (unit length, e.g. the 384 floats of all-MiniLM-L6-v2) to its TF-IDF features,
 * as dimensions {@code offset .. offset + embedding.length - 1}, so that {@link LogisticRegression} learns
 * from words and meaning together. Both parts have unit length, so neither drowns the other. It lives here,
 * not in {@code semantic}, so that a relevance model can use it without a package cycle.
 */
public final class EmbeddingFeatures {
    private EmbeddingFeatures() {
    }

    /** The features of {@code words} followed by {@code weight} times the embedding. */
    public static SparseVector append(SparseVector words, int offset, float[] embedding, double weight) {
        int n = words.index().length;
        if (n > 0 && words.index()[n - 1] >= offset) {
            throw new IllegalArgumentException("word features reach index " + words.index()[n - 1]
                    + ", embedding starts at " + offset);
        }
        int[] index = Arrays.copyOf(words.index(), n + embedding.length);
        double[] value = Arrays.copyOf(words.value(), n + embedding.length);
        for (int j = 0; j < embedding.length; j++) {
            index[n + j] = offset + j;
            value[n + j] = weight * embedding[j];
        }
        return new SparseVector(index, value);
    }
}
