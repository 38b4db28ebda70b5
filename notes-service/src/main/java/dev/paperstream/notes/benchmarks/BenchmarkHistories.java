package dev.paperstream.notes.benchmarks;

import dev.paperstream.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The benchmark history of a device and kernel build, for the API and the page. Bounds: at most
 * {@link #MAX_DEVICES} device and build pairs are listed, and a history holds the newest {@link #MAX_RUNS}
 * runs at most ({@link #DEFAULT_RUNS} unless asked).
 */
@ApplicationScoped
public class BenchmarkHistories {
    public static final int MAX_DEVICES = 100;
    public static final int DEFAULT_RUNS = 30;
    public static final int MAX_RUNS = 200;

    private final BenchmarkHistoryRepository repository;

    public BenchmarkHistories(BenchmarkHistoryRepository repository) {
        this.repository = repository;
    }

    public List<BenchmarkHistoryRepository.DeviceBuild> devices() {
        return repository.devices(MAX_DEVICES);
    }

    /**
     * {@code device} is {@code kind:name}; {@code build} null is every build; {@code shape} null is the shape
     * most runs measured. Values come from the caller's parameters, blank already made null.
     */
    public BenchmarkHistory history(String device, String build, String shape, Integer runs) {
        int limit = runs == null ? DEFAULT_RUNS : runs;
        if (limit < 1 || limit > MAX_RUNS) {
            throw ProblemException.badRequest("runs must be a whole number from 1 to " + MAX_RUNS + ", got " + limit);
        }
        if (device == null || device.indexOf(':') < 1) {
            throw ProblemException.badRequest("device must be kind:name as listed by /api/benchmark-history/devices,"
                    + " e.g. cuda:NVIDIA H200, got '" + device + "'");
        }
        BenchmarkShape chosen = shape == null ? null : BenchmarkShape.parse(shape);
        return BenchmarkHistory.of(device, build, chosen, repository.runs(device, build, limit), limit);
    }
}
