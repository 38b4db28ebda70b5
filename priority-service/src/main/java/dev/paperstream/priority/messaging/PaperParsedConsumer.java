package dev.paperstream.priority.messaging;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.priority.scoring.TeamScoring;
import dev.paperstream.priority.store.PaperRepository;
import dev.paperstream.priority.store.PaperRepository.StoredPaper;
import dev.paperstream.support.messaging.RecordConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the code links that ingest found in a paper's full text, and its outline for the type classifier,
 * and re-scores the paper, so that code mentioned only in the PDF counts. A parse of a paper priority has not
 * seen yet is not dropped: it goes to the dead-letter topic with the reason, to be replayed once the paper is
 * known.
 */
@ApplicationScoped
public class PaperParsedConsumer {
    static final String CONSUMER = "priority-service.paper-parsed";
    private static final int MAX_OUTLINE = 8_000;

    private final PaperRepository papers;
    private final TeamScoring scoring;

    public PaperParsedConsumer(PaperRepository papers, TeamScoring scoring) {
        this.papers = papers;
        this.scoring = scoring;
    }

    @Incoming("paper-parsed")
    @Blocking
    @RecordConsumer(CONSUMER)
    @Transactional
    public void on(ConsumerRecord<String, PaperParsed> record) {
        PaperParsed parsed = record.value();
        Optional<StoredPaper> paper = papers.addFullText(parsed.id(), parsed.codeLinks(), outline(parsed));
        if (paper.isEmpty()) {
            throw new IllegalStateException("paper.parsed for " + parsed.id() + " arrived before its paper.discovered;"
                    + " replay it once the paper is known");
        }
        StoredPaper p = paper.get();
        scoring.scoreForAllTeams(p.id(), p.version(), p.text());
    }

    /**
     * Headings, algorithm labels and captions: the parts of a full text that say what kind of paper it is
     * ("Theorem 2", "Kernel fusion", "Ablation study") without drowning the abstract in body text.
     */
    static String outline(PaperParsed parsed) {
        StringBuilder out = new StringBuilder();
        parsed.sections().forEach(s -> out.append(s.heading()).append(". "));
        parsed.algorithms().forEach(a -> out.append(a.label()).append(". "));
        parsed.figureCaptions().forEach(c -> out.append(c).append(". "));
        parsed.tableCaptions().forEach(c -> out.append(c).append(". "));
        return out.length() > MAX_OUTLINE ? out.substring(0, MAX_OUTLINE) : out.toString();
    }
}
