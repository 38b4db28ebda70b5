package dev.paperstream.kernel.bench;

import dev.paperstream.events.BenchmarkCompleted.Result;
import java.util.ArrayList;
import java.util.List;

/** Runs every variant at every shape of a plan, one after the other, reporting progress as it goes. */
public final class BenchmarkRunner {

    public interface Progress {
        /** Called before each step ({@code current} set) and after the last (current null). */
        void update(int done, int total, String current, List<Result> results);
    }

    /** The rows, and the steps that could not run because the device had too little memory. */
    public record Outcome(List<Result> results, List<String> skipped) {
    }

    private BenchmarkRunner() {
    }

    public static Outcome run(Plan plan, RunSettings settings, Progress progress) {
        List<Result> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Backend b = plan.backend();
        int done = 0;
        for (Shape shape : plan.shapes()) {
            for (String variant : plan.variants()) {
                progress.update(done, plan.steps(), variant + " " + shape.label(), List.copyOf(results));
                long need = b.requiredBytes(variant, shape);
                if (need > b.availableBytes()) {
                    skipped.add(variant + " " + shape.label() + ": needs " + Planner.gib(need) + ", the " + b.kind()
                            + " has " + Planner.gib(b.availableBytes()) + " free");
                } else {
                    try {
                        results.add(b.run(variant, shape, settings));
                    } catch (OutOfMemoryError e) {
                        skipped.add(variant + " " + shape.label() + ": out of memory (" + e.getMessage() + ")");
                    }
                }
                done++;
            }
        }
        progress.update(done, plan.steps(), null, List.copyOf(results));
        return new Outcome(results, skipped);
    }
}
