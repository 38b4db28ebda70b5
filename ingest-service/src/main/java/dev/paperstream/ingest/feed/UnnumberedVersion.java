package dev.paperstream.ingest.feed;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import java.time.LocalDate;

/**
 * A record of a format that names no version (OAI-PMH {@code arXiv}): only the date of version 1
 * ({@code created}) and, when there is more than one version, the day of the latest ({@code updated}).
 * {@code paper} carries the version the record proves when nothing about the paper is stored yet
 * (1 without {@code updated}, else 2); the importer decides the real one against the stored versions.
 */
public record UnnumberedVersion(String item, PaperDiscovered paper, LocalDate updated) {

    /** The same paper as version {@code version}, its abstract and PDF links pointing there. */
    public PaperDiscovered as(int version) {
        PaperDiscovered p = paper;
        String versioned = p.id() + "v" + version;
        return new PaperDiscovered(p.id(), version, p.title(), p.authors(), p.summary(), p.categories(),
                p.primaryCategory(), p.published(), p.updated(), p.comment(), p.journalRef(), p.doi(),
                new PaperLinks(PaperDraft.ABS_URL + versioned, PaperDraft.PDF_URL + versioned, p.links().code()),
                p.source());
    }
}
