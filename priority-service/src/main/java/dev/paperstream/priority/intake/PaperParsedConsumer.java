package dev.paperstream.priority.intake;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.priority.scoring.TeamScoring;
import dev.paperstream.priority.store.PaperRepository;
import dev.paperstream.priority.store.PaperRepository.StoredPaper;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the code links that ingest found in a paper's full text and re-scores the paper, so that code
 * mentioned only in the PDF counts. A parse of a paper priority has not seen yet is not dropped: it goes
 * to the dead-letter topic with the reason, to be replayed once the paper is known.
 */
@ApplicationScoped
public class PaperParsedConsumer {
    static final String CONSUMER = "priority-service.paper-parsed";

    private final ProcessedEvents processed;
    private final PaperRepository papers;
    private final TeamScoring scoring;

    public PaperParsedConsumer(ProcessedEvents processed, PaperRepository papers, TeamScoring scoring) {
        this.processed = processed;
        this.papers = papers;
        this.scoring = scoring;
    }

    @Incoming("paper-parsed")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<PaperParsed> event = IncomingEvent.of(record, EventType.PAPER_PARSED, PaperParsed.class);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        PaperParsed parsed = event.payload();
        Optional<StoredPaper> paper = papers.addFullTextCodeLinks(parsed.id(), parsed.codeLinks());
        if (paper.isEmpty()) {
            throw new IllegalStateException("paper.parsed for " + parsed.id() + " arrived before its paper.discovered;"
                    + " replay it once the paper is known");
        }
        StoredPaper p = paper.get();
        scoring.scoreForAllTeams(p.id(), p.version(), p.text());
    }
}
