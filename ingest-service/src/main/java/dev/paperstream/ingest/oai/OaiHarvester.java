package dev.paperstream.ingest.oai;

import dev.paperstream.ingest.arxiv.ArxivClient;
import dev.paperstream.ingest.arxiv.ArxivConfig;
import dev.paperstream.ingest.arxiv.ArxivResponse;
import dev.paperstream.ingest.feed.FeedPage;
import dev.paperstream.ingest.feed.OaiErrorException;
import dev.paperstream.ingest.feed.OaiPmhParser;
import dev.paperstream.ingest.feed.SafeXml;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import dev.paperstream.ingest.imports.ImportResult;
import dev.paperstream.ingest.imports.PaperImporter;
import dev.paperstream.ingest.store.OaiHarvestRepository.Checkpoint;
import dev.paperstream.ingest.store.OaiHarvestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamReader;

/**
 * Harvests arXiv's OAI-PMH ListRecords page by page through the polite client, storing the
 * resumption token after every page so that a restart resumes where it stopped. At the end of a list
 * the response date becomes the {@code from} of the next, incremental harvest. An expired token
 * ({@code badResumptionToken}) restarts the list from that checkpoint date.
 */
@ApplicationScoped
public class OaiHarvester {
    private final ArxivClient client;
    private final ArxivConfig arxiv;
    private final OaiHarvestLock locks;
    private final OaiHarvestRepository checkpoints;
    private final PaperImporter importer;

    public OaiHarvester(ArxivClient client, ArxivConfig arxiv, OaiHarvestLock locks, OaiHarvestRepository checkpoints,
            PaperImporter importer) {
        this.client = client;
        this.arxiv = arxiv;
        this.locks = locks;
        this.checkpoints = checkpoints;
        this.importer = importer;
    }

    /** What one harvest call did; {@code resumptionToken} is non-empty when it stopped before the end. */
    public record Harvest(int pages, int accepted, int duplicates, int rejected, String resumptionToken,
            String nextFrom, boolean restarted) {
    }

    /**
     * Runs or resumes the harvest of the set (null: all of arXiv) for up to {@code maxPages} pages;
     * an {@link OaiHarvestBusyException} when it is already running here or on another instance.
     */
    public Harvest harvest(String set, String metadataPrefix, int maxPages) {
        String name = (set == null ? "" : set) + ":" + metadataPrefix;
        try (OaiHarvestLock.Lease held = locks.tryLock(name)
                .orElseThrow(() -> new OaiHarvestBusyException(name))) {
            return harvestHeld(name, set, metadataPrefix, maxPages);
        }
    }

    private Harvest harvestHeld(String name, String set, String metadataPrefix, int maxPages) {
        // read only now that the lock is held: the previous holder's last page is in it
        Checkpoint cp = checkpoints.checkpoint(name);
        int pages = 0;
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        boolean restarted = false;
        while (pages < maxPages) {
            OaiPmhParser.Page page;
            try {
                page = fetch(cp.resumptionToken() != null
                        ? "verb=ListRecords&resumptionToken=" + encode(cp.resumptionToken())
                        : "verb=ListRecords&metadataPrefix=" + encode(metadataPrefix)
                                + (set == null ? "" : "&set=" + encode(set))
                                + (cp.nextFrom() == null ? "" : "&from=" + encode(cp.nextFrom())));
            } catch (OaiErrorException e) {
                if (!"badResumptionToken".equals(e.code()) || cp.resumptionToken() == null || restarted) {
                    throw e;
                }
                restarted = true;
                cp = new Checkpoint(cp.nextFrom(), null, cp.harvested());
                checkpoints.save(name, set, metadataPrefix, cp);
                continue;
            }
            pages++;
            FeedPage records = page.page();
            ImportResult r = importer.importPage(records);
            accepted += r.accepted();
            duplicates += r.duplicates();
            rejected += r.rejected().size();
            boolean more = !page.resumptionToken().isEmpty();
            String nextFrom = more ? cp.nextFrom()
                    : page.responseDate() == null ? cp.nextFrom() : page.responseDate().substring(0, 10);
            cp = new Checkpoint(nextFrom, more ? page.resumptionToken() : null,
                    cp.harvested() + records.itemCount());
            checkpoints.save(name, set, metadataPrefix, cp);
            if (!more) {
                break;
            }
        }
        return new Harvest(pages, accepted, duplicates, rejected,
                cp.resumptionToken() == null ? "" : cp.resumptionToken(), cp.nextFrom(), restarted);
    }

    private OaiPmhParser.Page fetch(String query) {
        URI uri = URI.create(arxiv.oaiUrl() + "?" + query);
        ArxivResponse response = client.get(uri);
        if (response.status() != 200) {
            throw new UnreadableDocumentException("OAI-PMH answered " + response.status() + " for " + uri);
        }
        XMLStreamReader root = SafeXml.openAtRoot(new ByteArrayInputStream(response.body()));
        if (!OaiPmhParser.isOaiPmh(root)) {
            throw new UnreadableDocumentException("not an OAI-PMH response from " + uri);
        }
        return OaiPmhParser.parse(root);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
