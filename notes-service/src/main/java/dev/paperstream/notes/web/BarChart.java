package dev.paperstream.notes.web;

import dev.paperstream.notes.benchmarks.ClaimComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Geometry of an inline SVG bar chart: measured speedup per sequence length, with the claim as a line. */
public record BarChart(int width, int height, List<Bar> bars, Double claimY, String claimLabel) {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int PLOT_TOP = 20;
    private static final int PLOT_BOTTOM = 180;
    private static final int LEFT = 40;

    public record Bar(int x, int y, int width, int height, String label, String value) {
        public int valueY() {
            return y - 4;
        }
    }

    public static BarChart of(ClaimComparison.Comparison comparison) {
        List<ClaimComparison.Measured> points = comparison.measured();
        double claim = comparison.claimedSpeedup().map(c -> c.value()).orElse(0.0);
        double max = Math.max(claim, points.stream().mapToDouble(ClaimComparison.Measured::speedup).max().orElse(1.0));
        double scale = (PLOT_BOTTOM - PLOT_TOP) / (max * 1.1);
        int slot = points.isEmpty() ? 0 : (WIDTH - LEFT - 10) / points.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ClaimComparison.Measured m = points.get(i);
            int h = (int) Math.round(m.speedup() * scale);
            bars.add(new Bar(LEFT + i * slot + slot / 6, PLOT_BOTTOM - h, Math.max(2, slot * 2 / 3), h,
                    "N=" + m.seqLen(), String.format(Locale.ROOT, "%.2fx", m.speedup())));
        }
        Double claimY = claim > 0 ? PLOT_BOTTOM - claim * scale : null;
        String claimLabel = claim > 0 ? String.format(Locale.ROOT, "claimed %.1fx", claim) : null;
        return new BarChart(WIDTH, HEIGHT, bars, claimY, claimLabel);
    }

    public Double claimTextY() {
        return claimY == null ? null : claimY - 4;
    }

    public int labelY() {
        return PLOT_BOTTOM + 16;
    }

    public int baseline() {
        return PLOT_BOTTOM;
    }

    public int left() {
        return LEFT;
    }
}
