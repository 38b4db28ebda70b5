package dev.paperstream.kernel.bench;

/**
 * How a shape is measured: {@code warmups} untimed runs, then timed runs until at least
 * {@code minRuns} and either {@code maxRuns} or {@code targetSeconds} of timed work; the output is
 * compared with the float64 reference on at most {@code checkRows} query rows.
 */
public record RunSettings(int warmups, int minRuns, int maxRuns, double targetSeconds, int checkRows) {

    public static RunSettings defaults() {
        return new RunSettings(2, 3, 20, 2.0, 256);
    }

    public boolean moreRuns(int done, double elapsedSeconds) {
        return done < minRuns || (done < maxRuns && elapsedSeconds < targetSeconds);
    }
}
