package dev.paperstream.notes.web;

import dev.paperstream.notes.benchmarks.BenchmarkHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Geometry of the history's inline SVG: one panel for TFLOP/s and one for median latency, the runs evenly
 * spaced left to right in the order they ran, one line and one point per run for each kernel variant. A value
 * that is not a finite positive number has no point (the table shows it).
 */
public record TrendChart(int width, int height, List<Panel> panels, List<RunLabel> runLabels, List<Legend> legend) {
    private static final int WIDTH = 760;
    private static final int LEFT = 64;
    private static final int RIGHT = 40;
    private static final int PANEL_HEIGHT = 170;
    private static final int PANEL_GAP = 44;
    private static final int TOP = 24;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    public record Point(double x, double y, String variant, String jobId, String title) {
    }

    public record Series(String variant, String color, String polyline, List<Point> points) {
    }

    public record Tick(double y, String label) {
    }

    public record Panel(String id, String title, int top, int bottom, List<Tick> ticks, List<Series> series) {
        public int titleY() {
            return top - 6;
        }
    }

    public record RunLabel(double x, String text) {
    }

    public record Legend(int x, String color, String variant) {
        public int textX() {
            return x + 14;
        }
    }

    public static TrendChart of(BenchmarkHistory history) {
        List<BenchmarkHistory.Run> runs = history.runs();
        List<String> variants = history.variants();
        int plotWidth = WIDTH - LEFT - RIGHT;
        double[] xs = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            xs[i] = runs.size() == 1 ? LEFT + plotWidth / 2.0 : LEFT + (double) i * plotWidth / (runs.size() - 1);
        }
        Panel tflops = panel("tflops-panel", "TFLOP/s", TOP, runs, variants, xs, BenchmarkHistory.VariantPoint::tflops,
                "%.2f TFLOP/s");
        int second = TOP + PANEL_HEIGHT + PANEL_GAP;
        Panel latency = panel("latency-panel", "median latency (ms)", second, runs, variants, xs,
                BenchmarkHistory.VariantPoint::medianMs, "%.3f ms");
        List<RunLabel> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(runs.size() / 8.0));
        for (int i = 0; i < runs.size(); i += every) {
            labels.add(new RunLabel(xs[i], runs.get(i).completedAt().toString().substring(0, 10)));
        }
        List<Legend> legend = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            legend.add(new Legend(LEFT + i * 110, color(i), variants.get(i)));
        }
        return new TrendChart(WIDTH, second + PANEL_HEIGHT + 56, List.of(tflops, latency), labels, legend);
    }

    private static Panel panel(String id, String title, int top, List<BenchmarkHistory.Run> runs, List<String> variants,
            double[] xs, ToDoubleFunction<BenchmarkHistory.VariantPoint> value, String format) {
        int bottom = top + PANEL_HEIGHT;
        double max = runs.stream().flatMap(r -> r.variants().stream()).mapToDouble(value)
                .filter(TrendChart::plottable).max().orElse(1.0) * 1.1;
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            ticks.add(new Tick(bottom - (bottom - top) * t / 4.0, String.format(Locale.ROOT, "%.3g", max * t / 4)));
        }
        List<Series> series = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            String variant = variants.get(v);
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                BenchmarkHistory.Run run = runs.get(i);
                for (BenchmarkHistory.VariantPoint p : run.variants()) {
                    double y = value.applyAsDouble(p);
                    if (variant.equals(p.variant()) && plottable(y)) {
                        points.add(new Point(round(xs[i]), round(bottom - (bottom - top) * y / max), variant,
                                run.jobId(), String.format(Locale.ROOT, "%s, %s, run %s (%s): " + format, variant,
                                        run.completedAt(), run.jobId(), run.kernelBuild(), y)));
                    }
                }
            }
            StringBuilder line = new StringBuilder();
            points.forEach(p -> line.append(line.isEmpty() ? "" : " ").append(p.x()).append(',').append(p.y()));
            series.add(new Series(variant, color(v), line.toString(), points));
        }
        return new Panel(id, title, top, bottom, ticks, series);
    }

    private static boolean plottable(double v) {
        return v > 0 && Double.isFinite(v);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int labelY() {
        return height - 30;
    }

    public int legendY() {
        return height - 8;
    }

    public int legendBoxY() {
        return height - 17;
    }

    public int tickLabelX() {
        return LEFT - 6;
    }
}
