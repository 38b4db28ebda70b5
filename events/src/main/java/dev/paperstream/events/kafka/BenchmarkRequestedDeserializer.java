package dev.paperstream.events.kafka;

import dev.paperstream.events.EventType;
import dev.paperstream.events.BenchmarkRequested;

/** {@code value.deserializer} of a channel consuming {@link EventType#BENCHMARK_REQUESTED} (see {@link CloudEventDeserializer}). */
public final class BenchmarkRequestedDeserializer extends CloudEventDeserializer<BenchmarkRequested> {
    public BenchmarkRequestedDeserializer() {
        super(EventType.BENCHMARK_REQUESTED, BenchmarkRequested.class);
    }
}
