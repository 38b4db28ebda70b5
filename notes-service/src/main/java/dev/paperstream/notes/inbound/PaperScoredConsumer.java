package dev.paperstream.notes.inbound;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.papers.ScoreRepository;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** paper.scored: keeps the newest score per (paper, team), also when it arrives before the paper. */
@ApplicationScoped
public class PaperScoredConsumer {
    static final String CHANNEL = "paper-scored";

    private final ProcessedEvents processed;
    private final ScoreRepository scores;

    public PaperScoredConsumer(ProcessedEvents processed, ScoreRepository scores) {
        this.processed = processed;
        this.scores = scores;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<PaperScored> event = IncomingEvent.of(record, EventType.PAPER_SCORED, PaperScored.class);
        if (processed.firstDelivery(CHANNEL, event.id())) {
            scores.upsert(event.payload());
        }
    }
}
