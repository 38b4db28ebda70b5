package dev.paperstream.notes.inbound;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.benchmarks.BenchmarkTrigger;
import dev.paperstream.notes.notes.PrefillService;
import dev.paperstream.notes.notify.Announcements;
import dev.paperstream.notes.papers.ScoreRepository;
import dev.paperstream.notes.queue.QueueRepository;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * paper.scored: keeps the newest score per (paper, team), also when it arrives before the paper, and puts
 * the paper in the team's reading queue; a HIGH score is announced, a MEDIUM one waits for the digest.
 */
@ApplicationScoped
public class PaperScoredConsumer {
    static final String CHANNEL = "paper-scored";

    private final ProcessedEvents processed;
    private final ScoreRepository scores;
    private final QueueRepository queue;
    private final PrefillService prefill;
    private final Announcements announcements;
    private final BenchmarkTrigger benchmarks;
    private final Event<PaperScored> stored;

    public PaperScoredConsumer(ProcessedEvents processed, ScoreRepository scores, QueueRepository queue,
            PrefillService prefill, Announcements announcements, BenchmarkTrigger benchmarks,
            Event<PaperScored> stored) {
        this.processed = processed;
        this.scores = scores;
        this.queue = queue;
        this.prefill = prefill;
        this.announcements = announcements;
        this.benchmarks = benchmarks;
        this.stored = stored;
    }

    // Scores are processed side by side: each transaction holds its paper's advisory lock and the upsert
    // keeps the newest (version, scoredAt), so the order of arrival does not change the outcome.
    @Incoming(CHANNEL)
    @Blocking(ordered = false)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<PaperScored> event = IncomingEvent.of(record, EventType.PAPER_SCORED, PaperScored.class);
        if (processed.firstDelivery(CHANNEL, event.id())) {
            PaperScored score = event.payload();
            if (scores.upsert(score)) {
                queue.enqueue(score.id(), score.team());
                prefill.scores(score.id());
                announcements.scored(score);
                benchmarks.scored(score);
                stored.fire(score);
            }
        }
    }
}
