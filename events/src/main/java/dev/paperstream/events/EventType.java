package dev.paperstream.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * CloudEvents {@code ce_type} of every event, in the past tense and versioned. A breaking change to a
 * payload gets a new version and a new constant; consumers reject types they do not know.
 */
public enum EventType {
    PAPER_DISCOVERED(Topics.PAPER_DISCOVERED, "paperstream.paper.discovered.v1", PaperDiscovered.class),
    PAPER_SCORED(Topics.PAPER_SCORED, "paperstream.paper.scored.v1", PaperScored.class),
    PAPER_PARSED(Topics.PAPER_PARSED, "paperstream.paper.parsed.v1", PaperParsed.class),
    BENCHMARK_REQUESTED(Topics.BENCHMARK_REQUESTED, "paperstream.benchmark.requested.v1", BenchmarkRequested.class),
    BENCHMARK_COMPLETED(Topics.BENCHMARK_COMPLETED, "paperstream.benchmark.completed.v1", BenchmarkCompleted.class);

    private final String topic;
    private final String ceType;
    private final Class<?> payloadType;

    EventType(String topic, String ceType, Class<?> payloadType) {
        this.topic = topic;
        this.ceType = ceType;
        this.payloadType = payloadType;
    }

    public String topic() {
        return topic;
    }

    public String ceType() {
        return ceType;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType ofPayload(Object payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.isInstance(payload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event payload: " + payload.getClass()));
    }
}
