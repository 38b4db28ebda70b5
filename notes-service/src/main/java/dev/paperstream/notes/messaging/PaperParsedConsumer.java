package dev.paperstream.notes.messaging;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.store.ParsedRepository;
import dev.paperstream.support.messaging.RecordConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** paper.parsed: keeps the newest parsed full text and pre-fills passes 2 and 3 and the spec from it. */
@ApplicationScoped
public class PaperParsedConsumer {
    static final String CHANNEL = "paper-parsed";

    private final ParsedRepository parsed;
    private final PrefillService prefill;

    public PaperParsedConsumer(ParsedRepository parsed, PrefillService prefill) {
        this.parsed = parsed;
        this.prefill = prefill;
    }

    @Incoming(CHANNEL)
    @Blocking
    @RecordConsumer(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, PaperParsed> record) {
        if (parsed.upsert(record.value())) {
            prefill.fullText(record.value());
        }
    }
}
