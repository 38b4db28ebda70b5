package dev.paperstream.kernel.bench;

import java.util.Arrays;

/** Order statistics of repeated timed runs, in milliseconds. */
public record Timings(double medianMs, double p10Ms, double p90Ms, int runs) {

    public static Timings of(double[] samplesMs) {
        if (samplesMs.length == 0) {
            throw new IllegalArgumentException("no timed runs");
        }
        double[] s = samplesMs.clone();
        Arrays.sort(s);
        return new Timings(percentile(s, 50), percentile(s, 10), percentile(s, 90), s.length);
    }

    /** Linear interpolation between the closest ranks of sorted samples. */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
