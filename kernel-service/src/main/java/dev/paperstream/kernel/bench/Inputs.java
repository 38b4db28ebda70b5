package dev.paperstream.kernel.bench;

import java.util.SplittableRandom;

/**
 * Fresh random Q, K, V in [-1, 1) (never zeros, so a kernel that writes nothing cannot pass), already
 * rounded to the dtype the kernel reads so that the reference sees exactly the same numbers.
 */
public record Inputs(Shape shape, float[] q, float[] k, float[] v) {

    public static Inputs random(Shape shape, long seed) {
        long n = shape.elements();
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(shape.label() + " has more than 2^31 elements per tensor");
        }
        SplittableRandom random = new SplittableRandom(seed);
        return new Inputs(shape, fill(random, (int) n, shape.dtype()), fill(random, (int) n, shape.dtype()),
                fill(random, (int) n, shape.dtype()));
    }

    private static float[] fill(SplittableRandom random, int n, String dtype) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = Precision.round((float) (random.nextDouble() * 2 - 1), dtype);
        }
        return a;
    }
}
