package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.grobid.TeiParser;
import dev.paperstream.ingest.pdf.EmbeddedPdfParser;
import dev.paperstream.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;

/**
 * Parses a paper's full text (GROBID TEI as given, or a PDF through the embedded parser), stores the
 * structure and publishes paper.parsed in the same transaction.
 */
@ApplicationScoped
public class FullTextService {
    private final ParsedPaperRepository parsed;
    private final Outbox outbox;
    private final EmbeddedPdfParser pdfParser;

    public FullTextService(ParsedPaperRepository parsed, Outbox outbox, FullTextConfig config) {
        this.parsed = parsed;
        this.outbox = outbox;
        this.pdfParser = new EmbeddedPdfParser(config.maxPages());
    }

    public PaperParsed fromTei(String id, int version, byte[] tei) {
        return publish(TeiParser.parse(new ByteArrayInputStream(tei)).toEvent(id, version));
    }

    public PaperParsed fromPdf(String id, int version, byte[] pdf) {
        return publish(pdfParser.parse(pdf).structure().toEvent(id, version));
    }

    @Transactional
    public PaperParsed publish(PaperParsed event) {
        parsed.save(event);
        outbox.add(event.id(), event);
        return event;
    }
}
