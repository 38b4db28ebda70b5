package dev.paperstream.notes.api;

import dev.paperstream.notes.benchmarks.BenchmarkTrigger;
import dev.paperstream.notes.benchmarks.ClaimCheck;
import dev.paperstream.notes.store.BenchmarkResultRepository;
import dev.paperstream.notes.papers.StoredPaper;
import jakarta.enterprise.context.ApplicationScoped;

/** A paper's claims against the measurements of its benchmark questions (at most 100 jobs, newest first). */
@ApplicationScoped
public class PaperClaims {
    public static final int JOBS_READ = 100;

    private final NotesReader notes;
    private final BenchmarkResultRepository results;

    public PaperClaims(NotesReader notes, BenchmarkResultRepository results) {
        this.notes = notes;
        this.results = results;
    }

    public ClaimCheck.Report of(StoredPaper paper) {
        return ClaimCheck.of(paper.id(), BenchmarkTrigger.statedText(paper), notes.view(paper.id()).numericClaims(),
                results.list(paper.id(), JOBS_READ));
    }
}
