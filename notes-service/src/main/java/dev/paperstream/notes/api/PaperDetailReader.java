package dev.paperstream.notes.api;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.BenchmarkResultRepository;
import dev.paperstream.notes.store.ParsedRepository;
import dev.paperstream.notes.store.QueueRepository;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.support.auth.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Everything known about one paper, for the API and the paper page. */
@ApplicationScoped
public class PaperDetailReader {
    private static final int BENCHMARKS_PER_PAPER = 100;

    private final ScoreRepository scores;
    private final BenchmarkResultRepository benchmarks;
    private final QueueRepository queue;
    private final NotesReader notes;
    private final ParsedRepository parsed;
    private final TeamAccess access;

    public PaperDetailReader(ScoreRepository scores, BenchmarkResultRepository benchmarks, QueueRepository queue,
            NotesReader notes, ParsedRepository parsed, TeamAccess access) {
        this.access = access;
        this.scores = scores;
        this.benchmarks = benchmarks;
        this.queue = queue;
        this.notes = notes;
        this.parsed = parsed;
    }

    /**
     * Only the caller's teams' scores and queue items; a paper only other teams scored is refused with 403
     * ({@link PaperAccess}'s rule: its notes are theirs).
     */
    public PaperDetail of(StoredPaper p) {
        String id = p.id();
        List<PaperScored> all = scores.forPaper(id);
        access.requireAnyOf(all.stream().map(PaperScored::team).toList(), "paper " + id);
        return PaperDetail.of(p, all.stream().filter(s -> access.allows(s.team())).toList(),
                benchmarks.list(id, BENCHMARKS_PER_PAPER),
                queue.forPaper(id).stream().filter(q -> access.allows(q.team())).toList(),
                notes.view(id), parsed.find(id).orElse(null));
    }
}
