package dev.paperstream.events.kafka;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperScored;

/** {@code value.deserializer} of a channel consuming {@link EventType#PAPER_SCORED} (see {@link CloudEventDeserializer}). */
public final class PaperScoredDeserializer extends CloudEventDeserializer<PaperScored> {
    public PaperScoredDeserializer() {
        super(EventType.PAPER_SCORED, PaperScored.class);
    }
}
