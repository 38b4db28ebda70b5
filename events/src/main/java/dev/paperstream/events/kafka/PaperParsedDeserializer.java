package dev.paperstream.events.kafka;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperParsed;

/** {@code value.deserializer} of a channel consuming {@link EventType#PAPER_PARSED} (see {@link CloudEventDeserializer}). */
public final class PaperParsedDeserializer extends CloudEventDeserializer<PaperParsed> {
    public PaperParsedDeserializer() {
        super(EventType.PAPER_PARSED, PaperParsed.class);
    }
}
