package dev.paperstream.priority.relevance;

import dev.paperstream.priority.relevance.TfIdf.SparseVector;
import java.util.List;

/**
 * L2-regularised logistic regression fitted by full-batch gradient descent, with the two classes
 * weighted equally however unbalanced the votes are. Small data (a team's votes) makes this exact
 * enough and deterministic.
 */
public final class LogisticRegression {
    private static final int ITERATIONS = 300;
    private static final double LEARNING_RATE = 2.0;
    private static final double L2 = 1e-3;

    private final double[] weights;
    private final double bias;

    private LogisticRegression(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public static LogisticRegression fit(List<SparseVector> xs, List<Boolean> ys, int dimension) {
        long positives = ys.stream().filter(y -> y).count();
        long negatives = ys.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("both liked and disliked examples are needed");
        }
        double wPos = ys.size() / (2.0 * positives);
        double wNeg = ys.size() / (2.0 * negatives);
        double[] w = new double[dimension];
        double b = 0;
        double[] grad = new double[dimension];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(grad, 0);
            double gradB = 0;
            for (int i = 0; i < xs.size(); i++) {
                SparseVector x = xs.get(i);
                boolean y = ys.get(i);
                double g = (sigmoid(x.dot(w) + b) - (y ? 1 : 0)) * (y ? wPos : wNeg);
                for (int k = 0; k < x.index().length; k++) {
                    grad[x.index()[k]] += g * x.value()[k];
                }
                gradB += g;
            }
            double n = xs.size();
            for (int j = 0; j < dimension; j++) {
                w[j] -= LEARNING_RATE * (grad[j] / n + L2 * w[j]);
            }
            b -= LEARNING_RATE * gradB / n;
        }
        return new LogisticRegression(w, b);
    }

    public double probability(SparseVector x) {
        return sigmoid(x.dot(weights) + bias);
    }

    public double weight(int feature) {
        return weights[feature];
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
