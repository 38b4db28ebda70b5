package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperScored;
import dev.paperstream.support.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * On paper.scored at or above {@code paperstream.fulltext.parse-from}: download the PDF and parse it.
 * Not one transaction: the download waits on the shared arXiv limiter, which must not hold a
 * transaction open. Idempotent through the natural key: a version already parsed is skipped. A PDF
 * that cannot be fetched or parsed fails the record, which goes to dlq.ingest.paper.scored with
 * the reason.
 */
@ApplicationScoped
public class ScoredPaperConsumer {
    private static final Logger LOG = Logger.getLogger(ScoredPaperConsumer.class);

    private final FullTextConfig config;
    private final ParsedPaperRepository parsed;
    private final PdfFetcher fetcher;
    private final FullTextService fullText;

    public ScoredPaperConsumer(FullTextConfig config, ParsedPaperRepository parsed, PdfFetcher fetcher,
            FullTextService fullText) {
        this.config = config;
        this.parsed = parsed;
        this.fetcher = fetcher;
        this.fullText = fullText;
    }

    @Incoming("paper-scored")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        PaperScored scored = IncomingEvent.of(record, EventType.PAPER_SCORED, PaperScored.class).payload();
        if (!scored.priority().isAtLeast(config.parseFrom())) {
            return;
        }
        if (parsed.find(scored.id(), scored.version()).isPresent()) {
            return;
        }
        LOG.infof("%s paper %sv%d scored for %s: fetching and parsing its PDF", scored.priority(), scored.id(),
                scored.version(), scored.team());
        fullText.fromPdf(scored.id(), scored.version(), fetcher.fetch(scored.id(), scored.version()));
    }
}
