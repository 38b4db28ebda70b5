package dev.paperstream.priority.intake;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.priority.scoring.PaperText;
import dev.paperstream.priority.scoring.TeamScoring;
import dev.paperstream.priority.store.PaperRepository;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Scores every discovered paper for every team. A redelivered event, or an older version than the one
 * stored, publishes nothing; an event that cannot be read goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class PaperDiscoveredConsumer {
    static final String CONSUMER = "priority-service.paper-discovered";
    private static final Logger LOG = Logger.getLogger(PaperDiscoveredConsumer.class);

    private final ProcessedEvents processed;
    private final PaperRepository papers;
    private final TeamScoring scoring;

    public PaperDiscoveredConsumer(ProcessedEvents processed, PaperRepository papers, TeamScoring scoring) {
        this.processed = processed;
        this.papers = papers;
        this.scoring = scoring;
    }

    @Incoming("paper-discovered")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<PaperDiscovered> event = IncomingEvent.of(record, EventType.PAPER_DISCOVERED, PaperDiscovered.class);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        PaperDiscovered p = event.payload();
        if (p.id().isBlank() || p.version() < 1) {
            throw new IllegalArgumentException("paper.discovered needs an id and a version >= 1, got '"
                    + p.id() + "' v" + p.version());
        }
        if (!papers.upsert(p)) {
            LOG.debugf("%s is older than the stored version; not scored", p.versionedId());
            return;
        }
        PaperText text = new PaperText(p.title(), p.summary(), p.comment(), p.categories(), p.published(),
                p.links().code(), List.of());
        scoring.scoreForAllTeams(p.id(), p.version(), text);
    }
}
