package dev.paperstream.notes.messaging;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.benchmarks.BenchmarkTrigger;
import dev.paperstream.notes.notify.Announcements;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.support.messaging.BatchConsumption;
import dev.paperstream.support.messaging.ReceivedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * paper.scored: keeps the newest score per (paper, team), also when it arrives before the paper, which puts
 * the paper in the team's reading queue (see QueueRepository); a HIGH score is announced, a MEDIUM one waits
 * for the digest.
 * A polled batch is applied in one transaction (see {@link BatchConsumption}); a record that cannot be read
 * is dead-lettered alone.
 */
@ApplicationScoped
public class PaperScoredConsumer {
    static final String CHANNEL = "paper-scored";

    private final BatchConsumption batches;
    private final ScoreRepository scores;
    private final Announcements announcements;
    private final BenchmarkTrigger benchmarks;
    private final Event<PaperScored> stored;

    public PaperScoredConsumer(BatchConsumption batches, ScoreRepository scores,
            Announcements announcements, BenchmarkTrigger benchmarks,
            Event<PaperScored> stored) {
        this.batches = batches;
        this.scores = scores;
        this.announcements = announcements;
        this.benchmarks = benchmarks;
        this.stored = stored;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, PaperScored> records) {
        batches.consume(CHANNEL, CHANNEL, records, PaperScoredConsumer::validate, this::store);
    }

    static void validate(PaperScored s) {
        if (s.id().isBlank() || s.team().isBlank() || s.version() < 1) {
            throw new IllegalArgumentException("paper.scored needs an id, a team and a version >= 1, got '"
                    + s.id() + "' v" + s.version() + " for '" + s.team() + "'");
        }
    }

    // The batch's transaction holds the advisory locks of its papers (taken in one order by every consumer),
    // and the upsert keeps the newest (version, scoredAt), so the order of arrival does not change the outcome.
    private void store(List<ReceivedEvent<PaperScored>> events) {
        Map<String, PaperScored> newest = new LinkedHashMap<>();
        for (ReceivedEvent<PaperScored> e : events) {
            newest.merge(ScoreRepository.key(e.payload().id(), e.payload().team()), e.payload(),
                    (had, next) -> newer(had, next) ? had : next);
        }
        List<PaperScored> kept = scores.upsertAll(List.copyOf(newest.values()));
        if (kept.isEmpty()) {
            return;
        }
        announcements.scoredAll(kept);
        for (PaperScored score : kept) {
            benchmarks.scored(score);
            stored.fire(score);
        }
    }

    /** True when {@code had} stays over {@code next}, as the upsert decides: a later equal one replaces it. */
    private static boolean newer(PaperScored had, PaperScored next) {
        if (had.version() != next.version()) {
            return had.version() > next.version();
        }
        return had.scoredAt() != null && next.scoredAt() != null && had.scoredAt().isAfter(next.scoredAt());
    }
}
