package dev.paperstream.ingest.imports;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.ingest.feed.FeedPage;
import dev.paperstream.ingest.feed.Rejection;
import dev.paperstream.ingest.feed.UnnumberedVersion;
import dev.paperstream.ingest.store.PaperVersionRepository;
import dev.paperstream.ingest.store.PaperVersionRepository.LatestVersion;
import dev.paperstream.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed papers into stored versions and paper.discovered events, in one transaction so that a
 * version is recorded if and only if its event is in the outbox. Every path in (imports, harvests,
 * subscription polls, snapshots) comes through here, so this is where {@link PaperLimits} are checked.
 */
@ApplicationScoped
public class PaperImporter {
    private final PaperVersionRepository versions;
    private final Outbox outbox;
    private final PaperLimits limits;

    public PaperImporter(PaperVersionRepository versions, Outbox outbox, PaperLimits limits) {
        this.versions = versions;
        this.outbox = outbox;
        this.limits = limits;
    }

    /** Imports a page, numbering the records of formats without versions against the stored ones. */
    @Transactional
    public ImportResult importPage(FeedPage page) {
        if (page.unnumbered().isEmpty()) {
            return importPapers(page.papers(), page.rejected());
        }
        Map<String, LatestVersion> stored = versions.latestVersions(
                page.unnumbered().stream().map(u -> u.paper().id()).distinct().toList());
        List<PaperDiscovered> papers = new ArrayList<>(page.papers());
        int known = 0;
        for (UnnumberedVersion record : page.unnumbered()) {
            int version = VersionByDates.decide(record, stored.get(record.paper().id()));
            if (version == 0) {
                known++;
            } else {
                papers.add(record.as(version));
            }
        }
        ImportResult r = importPapers(papers, page.rejected());
        return new ImportResult(r.accepted(), r.duplicates() + known, r.rejected(), r.ids());
    }

    @Transactional
    public ImportResult importPapers(List<PaperDiscovered> papers, List<Rejection> rejected) {
        List<PaperDiscovered> within = new ArrayList<>(papers.size());
        List<Rejection> allRejected = new ArrayList<>(rejected);
        for (PaperDiscovered paper : papers) {
            String violation = limits.violation(paper);
            if (violation == null) {
                within.add(paper);
            } else {
                allRejected.add(new Rejection(paper.versionedId(), violation));
            }
        }
        int duplicates = 0;
        List<String> ids = new ArrayList<>();
        boolean[] fresh = versions.insertIfNew(within);
        List<Outbox.Written> toPublish = new ArrayList<>();
        for (int i = 0; i < fresh.length; i++) {
            PaperDiscovered paper = within.get(i);
            if (fresh[i]) {
                toPublish.add(new Outbox.Written(paper.id(), EventType.PAPER_DISCOVERED, EventJson.write(paper)));
                ids.add(paper.id());
            } else {
                duplicates++;
            }
        }
        outbox.addAllWritten(toPublish);
        return new ImportResult(ids.size(), duplicates, allRejected, ids);
    }
}
