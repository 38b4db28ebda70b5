package dev.paperstream.ingest.imports;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.ingest.feed.Rejection;
import dev.paperstream.ingest.store.PaperVersionRepository;
import dev.paperstream.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed papers into stored versions and paper.discovered events, in one transaction so that a
 * version is recorded if and only if its event is in the outbox.
 */
@ApplicationScoped
public class PaperImporter {
    private final PaperVersionRepository versions;
    private final Outbox outbox;

    public PaperImporter(PaperVersionRepository versions, Outbox outbox) {
        this.versions = versions;
        this.outbox = outbox;
    }

    @Transactional
    public ImportResult importPapers(List<PaperDiscovered> papers, List<Rejection> rejected) {
        int duplicates = 0;
        List<String> ids = new ArrayList<>();
        boolean[] fresh = versions.insertIfNew(papers);
        List<Outbox.Written> toPublish = new ArrayList<>();
        for (int i = 0; i < fresh.length; i++) {
            PaperDiscovered paper = papers.get(i);
            if (fresh[i]) {
                toPublish.add(new Outbox.Written(paper.id(), EventType.PAPER_DISCOVERED, EventJson.write(paper)));
                ids.add(paper.id());
            } else {
                duplicates++;
            }
        }
        outbox.addAllWritten(toPublish);
        return new ImportResult(ids.size(), duplicates, rejected, ids);
    }
}
