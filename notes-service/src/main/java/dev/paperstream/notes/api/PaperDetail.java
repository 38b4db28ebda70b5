package dev.paperstream.notes.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.notes.NotesView;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.queue.QueueItem;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/papers/{id}}: metadata, every team's score with its reasons, benchmark results,
 * the reading queues, the notes and the parsed full text (null until parsed).
 */
public record PaperDetail(
        String id,
        int version,
        String title,
        List<String> authors,
        @JsonProperty("abstract") String summary,
        List<String> categories,
        String primaryCategory,
        Instant published,
        Instant updated,
        String comment,
        String journalRef,
        String doi,
        PaperLinks links,
        List<PaperScored> scores,
        List<BenchmarkCompleted> benchmarks,
        List<QueueItem> queue,
        NotesView notes,
        PaperParsed parsed) {

    static PaperDetail of(StoredPaper p, List<PaperScored> scores, List<BenchmarkCompleted> benchmarks,
            List<QueueItem> queue, NotesView notes, PaperParsed parsed) {
        return new PaperDetail(p.id(), p.version(), p.title(), p.authors(), p.summary(), p.categories(),
                p.primaryCategory(), p.published(), p.updated(), p.comment(), p.journalRef(), p.doi(), p.links(),
                scores, benchmarks, queue, notes, parsed);
    }
}
