package dev.paperstream.events;

/** Kafka topic names. Records about a paper are keyed by its arXiv id without version. */
public final class Topics {
    public static final String PAPER_DISCOVERED = "paper.discovered";
    public static final String PAPER_SCORED = "paper.scored";
    public static final String PAPER_PARSED = "paper.parsed";
    public static final String BENCHMARK_REQUESTED = "benchmark.requested";
    public static final String BENCHMARK_COMPLETED = "benchmark.completed";

    /** Dead-letter topics are per consuming service and channel: {@code dlq.<service>.<topic>}. */
    public static String deadLetter(String service, String topic) {
        return "dlq." + service + "." + topic;
    }

    private Topics() {
    }
}
