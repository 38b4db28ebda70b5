package dev.paperstream.priority.messaging;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.priority.text.PaperText;
import dev.paperstream.priority.scoring.TeamScoring;
import dev.paperstream.priority.scoring.TeamScoring.PaperVersion;
import dev.paperstream.priority.semantic.TriageActivity;
import dev.paperstream.priority.store.PaperRepository;
import dev.paperstream.support.messaging.BatchConsumption;
import dev.paperstream.support.messaging.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Scores every discovered paper for every team, a polled batch of records at a time in one transaction
 * (a transaction per record allows ~80 papers/s; see {@link BatchConsumption}). A redelivered event, or an older
 * version than the one stored, publishes nothing; an event that cannot be read, or has no id or a version below
 * 1, goes to the dead-letter topic with the reason and the rest of its batch is stored.
 */
@ApplicationScoped
public class PaperDiscoveredConsumer {
    static final String CHANNEL = "paper-discovered";
    static final String CONSUMER = "priority-service.paper-discovered";

    private final BatchConsumption batches;
    private final PaperRepository papers;
    private final TeamScoring scoring;
    private final TriageActivity triage;

    public PaperDiscoveredConsumer(BatchConsumption batches, PaperRepository papers, TeamScoring scoring,
            TriageActivity triage) {
        this.batches = batches;
        this.papers = papers;
        this.scoring = scoring;
        this.triage = triage;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, PaperDiscovered> records) {
        triage.papersArrived();
        batches.consume(CHANNEL, CONSUMER, records, PaperDiscovered::requireIdAndVersion, this::store);
    }

    /** In the batch's transaction: the newest version of each paper first delivered in the batch is stored and scored. */
    private void store(List<ReceivedEvent<PaperDiscovered>> events) {
        Map<String, PaperDiscovered> newest = PaperDiscovered.newestPerPaper(
                events.stream().map(ReceivedEvent::payload).toList());
        Set<String> current = papers.upsertAll(List.copyOf(newest.values()));
        List<PaperVersion> toScore = new ArrayList<>(current.size());
        for (PaperDiscovered p : newest.values()) {
            if (current.contains(p.id())) {
                toScore.add(new PaperVersion(p.id(), p.version(), new PaperText(p.title(), p.summary(), p.comment(),
                        p.categories(), p.published(), p.links().code(), List.of())));
            }
        }
        scoring.scoreAll(toScore);
    }
}
