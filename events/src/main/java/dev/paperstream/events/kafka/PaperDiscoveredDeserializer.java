package dev.paperstream.events.kafka;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;

/** {@code value.deserializer} of a channel consuming {@link EventType#PAPER_DISCOVERED} (see {@link CloudEventDeserializer}). */
public final class PaperDiscoveredDeserializer extends CloudEventDeserializer<PaperDiscovered> {
    public PaperDiscoveredDeserializer() {
        super(EventType.PAPER_DISCOVERED, PaperDiscovered.class);
    }
}
