package dev.paperstream.notes.api;

import dev.paperstream.notes.store.BenchmarkResultRepository;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.ParsedRepository;
import dev.paperstream.notes.store.QueueRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Everything known about one paper, for the API and the paper page. */
@ApplicationScoped
public class PaperDetailReader {
    private static final int BENCHMARKS_PER_PAPER = 100;

    private final ScoreRepository scores;
    private final BenchmarkResultRepository benchmarks;
    private final QueueRepository queue;
    private final NotesReader notes;
    private final ParsedRepository parsed;

    public PaperDetailReader(ScoreRepository scores, BenchmarkResultRepository benchmarks, QueueRepository queue,
            NotesReader notes, ParsedRepository parsed) {
        this.scores = scores;
        this.benchmarks = benchmarks;
        this.queue = queue;
        this.notes = notes;
        this.parsed = parsed;
    }

    public PaperDetail of(StoredPaper p) {
        String id = p.id();
        return PaperDetail.of(p, scores.forPaper(id), benchmarks.list(id, BENCHMARKS_PER_PAPER), queue.forPaper(id),
                notes.view(id), parsed.find(id).orElse(null));
    }
}
