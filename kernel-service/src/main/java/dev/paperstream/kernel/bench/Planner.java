package dev.paperstream.kernel.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a request to a device: CUDA when it loaded and answered, else the CPU with the reason. A job
 * that asked for auto (or for cuda on a machine without one) runs the nearest equivalent there (tiled
 * for fused, fp32 for fp16) and says so; a job that named the device it runs on gets a 400 instead.
 */
public final class Planner {
    /** Above this a single CPU run would take minutes; a job of several runs, hours. */
    static final double CPU_MAX_FLOPS_PER_RUN = 2e13;
    private static final Map<String, String> EQUIVALENT = Map.of("tiled", "fused", "fused", "tiled");

    private final Backend cpu;
    private final Optional<Backend> cuda;
    private final String cudaUnavailable;

    public Planner(Backend cpu, Optional<Backend> cuda, String cudaUnavailable) {
        this.cpu = cpu;
        this.cuda = cuda;
        this.cudaUnavailable = cudaUnavailable;
    }

    public Plan plan(JobRequest raw) {
        JobRequest r = raw.withDefaults();
        List<String> problems = new ArrayList<>(r.problems());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Backend b = "cpu".equals(r.device()) ? cpu : cuda.orElse(cpu);
        boolean strict = b.kind().equals(r.device());
        List<String> notes = new ArrayList<>();
        if (b == cpu && !"cpu".equals(r.device())) {
            notes.add("CUDA unavailable (" + cudaUnavailable + "); ran on the CPU");
        }
        Set<String> variants = new LinkedHashSet<>();
        for (String v : r.variants()) {
            if (b.variants().contains(v)) {
                variants.add(v);
            } else if (strict || !b.variants().contains(EQUIVALENT.get(v))) {
                problems.add("variant '" + v + "' does not run on " + b.kind() + " (it runs " + b.variants() + ")");
            } else {
                variants.add(EQUIVALENT.get(v));
                notes.add(v + " ran as " + EQUIVALENT.get(v));
            }
        }
        String dtype = r.dtype();
        if (!b.dtypes().contains(dtype)) {
            if (strict) {
                problems.add("dtype " + dtype + " does not run on " + b.kind() + " (it runs " + b.dtypes() + ")");
            } else {
                notes.add(dtype + " ran as " + b.dtypes().get(0));
                dtype = b.dtypes().get(0);
            }
        }
        List<Shape> shapes = r.shapes(dtype);
        for (Shape s : shapes) {
            fits(b, s, problems);
            for (String v : variants) {
                String why = b.unsupported(v, s);
                if (why != null) {
                    problems.add(v + " " + s.label() + ": " + why);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Plan(b, List.copyOf(variants), shapes, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static void fits(Backend b, Shape s, List<String> problems) {
        if (s.elements() > Integer.MAX_VALUE - 16) {
            problems.add(s.label() + ": " + s.elements() + " elements per tensor; at most 2^31");
        } else if (s.compulsoryBytes() > b.availableBytes()) {
            problems.add(s.label() + ": Q, K, V and the output need " + gib(s.compulsoryBytes()) + " but the "
                    + b.kind() + " has " + gib(b.availableBytes()) + " free");
        } else if ("cpu".equals(b.kind()) && s.flops() > CPU_MAX_FLOPS_PER_RUN) {
            problems.add(s.label() + ": " + String.format("%.1e", s.flops()) + " FLOP per run is more than the CPU "
                    + "can measure in reasonable time (at most " + String.format("%.0e", CPU_MAX_FLOPS_PER_RUN) + ")");
        }
    }

    static String gib(long bytes) {
        return String.format("%.2f GiB", bytes / (double) (1L << 30));
    }
}
