package dev.paperstream.notes.papers;

import dev.paperstream.events.PaperLinks;
import java.time.Instant;
import java.util.List;

/** A paper's metadata as stored (its latest version). */
public record StoredPaper(
        String id,
        int version,
        String title,
        List<String> authors,
        String summary,
        List<String> categories,
        String primaryCategory,
        Instant published,
        Instant updated,
        String comment,
        String journalRef,
        String doi,
        PaperLinks links) {
}
