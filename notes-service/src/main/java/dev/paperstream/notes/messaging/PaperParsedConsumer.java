package dev.paperstream.notes.messaging;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.store.ParsedRepository;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.RecordConsumer;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** paper.parsed: keeps the newest parsed full text and pre-fills passes 2 and 3 and the spec from it. */
@ApplicationScoped
public class PaperParsedConsumer {
    static final String CHANNEL = "paper-parsed";

    private final ProcessedEvents processed;
    private final ParsedRepository parsed;
    private final PrefillService prefill;

    public PaperParsedConsumer(ProcessedEvents processed, ParsedRepository parsed, PrefillService prefill) {
        this.processed = processed;
        this.parsed = parsed;
        this.prefill = prefill;
    }

    @Incoming(CHANNEL)
    @Blocking
    @RecordConsumer
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<PaperParsed> event = IncomingEvent.of(record, EventType.PAPER_PARSED, PaperParsed.class);
        if (processed.firstDelivery(CHANNEL, event.id()) && parsed.upsert(event.payload())) {
            prefill.fullText(event.payload());
        }
    }
}
