package dev.paperstream.events.contract;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperSource;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Valid events of every type with random values, optional fields present or absent, and values at the
 * edges a producer really makes: old-style ids, fields at their length limit, an infinite error.
 */
final class RandomEvents {
    private static final String[] OLD_ARCHIVES = {"hep-th", "math.AG", "cond-mat", "cs", "q-bio"};
    private static final String[] VARIANTS = {"naive", "tiled", "fused"};
    private final Random random;

    RandomEvents(long seed) {
        random = new Random(seed);
    }

    Object of(EventType type) {
        return switch (type) {
            case PAPER_DISCOVERED -> discovered();
            case PAPER_SCORED -> scored();
            case PAPER_PARSED -> parsed();
            case BENCHMARK_REQUESTED -> requested();
            case BENCHMARK_COMPLETED -> completed();
        };
    }

    String arxivId() {
        if (random.nextInt(4) == 0) {
            return OLD_ARCHIVES[random.nextInt(OLD_ARCHIVES.length)] + "/"
                    + String.format("%02d%02d%03d", 91 + random.nextInt(9), 1 + random.nextInt(12), random.nextInt(1000));
        }
        return String.format("%02d%02d.%0" + (4 + random.nextInt(2)) + "d", 7 + random.nextInt(19),
                1 + random.nextInt(12), random.nextInt(10_000));
    }

    PaperDiscovered discovered() {
        String id = arxivId();
        Instant published = instant();
        boolean atLimits = random.nextInt(3) == 0;
        String title = atLimits ? "T".repeat(1000) : "Title ünïcödé \"" + UUID.randomUUID() + "\"";
        List<String> authors = atLimits ? repeat("A".repeat(300), 5000) : List.of("Ada Lovelace", "Émile Borel");
        List<String> code = atLimits ? repeat("https://github.com/" + "o".repeat(481), 50)
                : List.of("https://github.com/org/repo");
        return new PaperDiscovered(id, 1 + random.nextInt(9), title, authors,
                atLimits ? "a".repeat(10_000) : "An abstract " + random.nextLong(), List.of("cs.LG", "stat.ML"),
                "cs.LG", published, optional(published.plusSeconds(86_400)), optional(atLimits ? "c".repeat(5000) : "12 pages"),
                optional(atLimits ? "j".repeat(1000) : "NeurIPS 2022"), optional(atLimits ? "d".repeat(500) : "10.1000/x"),
                new PaperLinks("https://arxiv.org/abs/" + id, optional("https://arxiv.org/pdf/" + id), optional(code)),
                PaperSource.values()[random.nextInt(PaperSource.values().length)]);
    }

    PaperScored scored() {
        Priority priority = Priority.values()[random.nextInt(3)];
        return new PaperScored(arxivId(), 1 + random.nextInt(9), "team-" + random.nextInt(10), random.nextInt(13),
                priority, PaperType.values()[random.nextInt(PaperType.values().length)], 1 + random.nextInt(5),
                random.nextBoolean(), optional(random.nextInt(5000)), random.nextDouble() * 120,
                List.of("relevance 3/5: +3"), instant());
    }

    PaperParsed parsed() {
        return new PaperParsed(arxivId(), 1 + random.nextInt(9), random.nextBoolean() ? "grobid 0.8.0" : "embedded",
                List.of(new PaperParsed.Section("1 Introduction", optional("text")), new PaperParsed.Section("2", null)),
                optional(List.of("Figure 1: x")), optional(List.of()),
                optional(List.of(new PaperParsed.AlgorithmBlock("Algorithm 1", optional("for i ...")))),
                random.nextInt(200), optional(List.of("https://github.com/org/repo")), random.nextBoolean(),
                random.nextBoolean());
    }

    BenchmarkRequested requested() {
        List<String> variants = new ArrayList<>();
        for (String v : VARIANTS) {
            if (random.nextBoolean()) {
                variants.add(v);
            }
        }
        String[] dtypes = {"fp32", "fp16", "bf16"};
        String[] devices = {"auto", "cpu", "cuda"};
        return new BenchmarkRequested(UUID.randomUUID().toString(), variants, 1 + random.nextInt(4),
                1 + random.nextInt(32), List.of(512, 1024, 2048), 64, random.nextBoolean(),
                dtypes[random.nextInt(3)], devices[random.nextInt(3)], optional(arxivId()));
    }

    BenchmarkCompleted completed() {
        boolean failed = random.nextInt(4) == 0;
        double error = random.nextBoolean() ? Double.POSITIVE_INFINITY : random.nextDouble() * 1e-3;
        List<BenchmarkCompleted.Result> results = failed ? List.of()
                : List.of(new BenchmarkCompleted.Result(VARIANTS[random.nextInt(3)], "cpu", 1, 8, 1024, 64, true,
                        "fp32", 1.5, 1.4, 1.9, 0.06, 12.5, 1L << 33, error, error < 1));
        return new BenchmarkCompleted(UUID.randomUUID().toString(),
                failed ? BenchmarkCompleted.FAILED : BenchmarkCompleted.COMPLETED,
                random.nextBoolean() ? new BenchmarkCompleted.DeviceInfo("cpu", "Intel Xeon", null, null)
                        : new BenchmarkCompleted.DeviceInfo("cuda", "NVIDIA H100", optional("550.54"), optional("9.0")),
                results, optional(arxivId()), failed ? "out of memory" : null, optional("no CUDA driver"), instant(),
                optional("1.0.0+3f9a1c2b7d40+flash"));
    }

    private Instant instant() {
        return Instant.now().minus(random.nextInt(3000), ChronoUnit.DAYS).minusMillis(random.nextInt(86_400_000));
    }

    private <T> T optional(T value) {
        return random.nextBoolean() ? value : null;
    }

    private static List<String> repeat(String value, int times) {
        return Collections.nCopies(times, value);
    }

    static <T> List<T> many(int count, Supplier<T> next) {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(next.get());
        }
        return all;
    }
}
