package dev.paperstream.notes.inbound;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.notes.benchmarks.BenchmarkTrigger;
import dev.paperstream.notes.notes.PrefillService;
import dev.paperstream.notes.papers.PaperRepository;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** paper.discovered: keeps the newest version of each paper's metadata and pre-fills pass 1 from it. */
@ApplicationScoped
public class PaperDiscoveredConsumer {
    static final String CHANNEL = "paper-discovered";

    private final ProcessedEvents processed;
    private final PaperRepository papers;
    private final PrefillService prefill;
    private final BenchmarkTrigger benchmarks;

    public PaperDiscoveredConsumer(ProcessedEvents processed, PaperRepository papers, PrefillService prefill,
            BenchmarkTrigger benchmarks) {
        this.processed = processed;
        this.papers = papers;
        this.prefill = prefill;
        this.benchmarks = benchmarks;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<PaperDiscovered> event = IncomingEvent.of(record, EventType.PAPER_DISCOVERED, PaperDiscovered.class);
        if (processed.firstDelivery(CHANNEL, event.id())) {
            if (papers.upsert(event.payload())) {
                prefill.metadata(event.payload());
                benchmarks.consider(event.payload().id());
            }
        }
    }
}
