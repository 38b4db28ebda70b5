package dev.paperstream.events.kafka;

import dev.paperstream.events.EventType;
import dev.paperstream.events.BenchmarkCompleted;

/** {@code value.deserializer} of a channel consuming {@link EventType#BENCHMARK_COMPLETED} (see {@link CloudEventDeserializer}). */
public final class BenchmarkCompletedDeserializer extends CloudEventDeserializer<BenchmarkCompleted> {
    public BenchmarkCompletedDeserializer() {
        super(EventType.BENCHMARK_COMPLETED, BenchmarkCompleted.class);
    }
}
