package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.grobid.GrobidApi;
import dev.paperstream.ingest.grobid.GrobidClient;
import dev.paperstream.ingest.grobid.GrobidConfig;
import dev.paperstream.ingest.grobid.TeiParser;
import dev.paperstream.ingest.pdf.EmbeddedPdfParser;
import dev.paperstream.ingest.pdf.PdfLimits;
import dev.paperstream.ingest.store.ParsedPaperRepository;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Parses a paper's full text (GROBID TEI as given, or a PDF through GROBID when configured and up,
 * else the embedded parser), stores the structure and publishes paper.parsed in the same transaction.
 */
@ApplicationScoped
public class FullTextService {
    private static final Logger LOG = Logger.getLogger(FullTextService.class);
    private final ParsedPaperRepository parsed;
    private final Outbox outbox;
    private final EmbeddedPdfParser pdfParser;
    private final Optional<GrobidClient> grobid;

    public FullTextService(ParsedPaperRepository parsed, Outbox outbox, FullTextConfig config,
            GrobidConfig grobidConfig, @RestClient GrobidApi grobidApi, OutboundUrls outbound) {
        this.parsed = parsed;
        this.outbox = outbox;
        this.pdfParser = new EmbeddedPdfParser(new PdfLimits(config.maxPages(),
                config.maxDecompressedSize().asLongValue(), config.maxParseTime(), config.maxConcurrentParses()));
        this.grobid = grobidConfig.url().map(url -> new GrobidClient(url, grobidApi, grobidConfig, outbound));
    }

    public PaperParsed fromTei(String id, int version, byte[] tei) {
        return publish(TeiParser.parse(new ByteArrayInputStream(tei)).toEvent(id, version));
    }

    public PaperParsed fromPdf(String id, int version, byte[] pdf) {
        return publish(parsePdf(id, version, pdf));
    }

    /** Through GROBID when it is configured and answers; otherwise the embedded parser. Publishes nothing. */
    public PaperParsed parsePdf(String id, int version, byte[] pdf) {
        if (grobid.isPresent()) {
            try {
                return grobid.get().processFulltext(pdf).toEvent(id, version);
            } catch (GrobidClient.GrobidUnavailableException e) {
                LOG.warnf("GROBID failed for %sv%d (%s); using the embedded parser", id, version, e.getMessage());
            }
        }
        return pdfParser.parse(pdf).structure().toEvent(id, version);
    }

    @Transactional
    public PaperParsed publish(PaperParsed event) {
        parsed.save(event);
        outbox.add(event.id(), event);
        return event;
    }
}
