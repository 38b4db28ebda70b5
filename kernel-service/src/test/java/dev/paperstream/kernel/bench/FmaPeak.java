package dev.paperstream.kernel.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's measured float32 FMA peak: every thread runs 12 independent FMA chains on the preferred vector
 * (enough to hide the FMA latency on both pipes), from registers only. Best of a few rounds, in GFLOP/s (an FMA
 * is 2 FLOP per lane). This, not a datasheet, is the 100% that the CPU kernels are held against.
 */
public final class FmaPeak {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final long ITERATIONS = 20_000_000;

    private FmaPeak() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        System.out.printf("%d-bit vectors (%d floats); 1 thread %.1f GFLOP/s; %d threads %.1f GFLOP/s%n",
                F.vectorBitSize(), F.length(), measure(1), threads, measure(threads));
    }

    /** Best of five rounds of {@code threads} threads each running the FMA chains, in GFLOP/s. */
    public static double measure(int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            double best = 0;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                double sink = pool.submit(() -> IntStream.range(0, threads).parallel().mapToDouble(t -> chains(t))
                        .sum()).join();
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (sink == 42) {
                    System.out.print("");
                }
                best = Math.max(best, threads * ITERATIONS * 12.0 * 2 * F.length() / seconds / 1e9);
            }
            return best;
        } finally {
            pool.shutdown();
        }
    }

    private static double chains(int seed) {
        FloatVector m = FloatVector.broadcast(F, 0.999999f);
        FloatVector b = FloatVector.broadcast(F, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(F, seed), a1 = a0.add(1), a2 = a0.add(2), a3 = a0.add(3);
        FloatVector a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7);
        FloatVector a8 = a0.add(8), a9 = a0.add(9), a10 = a0.add(10), a11 = a0.add(11);
        for (long i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(m, b);
            a1 = a1.fma(m, b);
            a2 = a2.fma(m, b);
            a3 = a3.fma(m, b);
            a4 = a4.fma(m, b);
            a5 = a5.fma(m, b);
            a6 = a6.fma(m, b);
            a7 = a7.fma(m, b);
            a8 = a8.fma(m, b);
            a9 = a9.fma(m, b);
            a10 = a10.fma(m, b);
            a11 = a11.fma(m, b);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
