package dev.paperstream.notes.api;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.notes.ClaimExtractor;
import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.notes.NoteValue;
import dev.paperstream.notes.notes.NotesView;
import dev.paperstream.notes.notes.NumericClaim;
import dev.paperstream.notes.notes.Prefill;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.ClaimRepository;
import dev.paperstream.notes.store.NoteRepository;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.store.ScoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a paper's notes view. The suggestions from its metadata and scores are worked out here, on read,
 * rather than stored for every paper that arrives: most papers are never opened, and storing them cost a
 * dozen rows a paper on the triage path (docs/benchmarks/triage-throughput.md). What is stored (a person's
 * text, the full text's suggestions) outranks them.
 */
@ApplicationScoped
public class NotesReader {
    private static final int HISTORY = 200;

    private final NoteRepository notes;
    private final ClaimRepository claims;
    private final PaperRepository papers;
    private final ScoreRepository scores;

    public NotesReader(NoteRepository notes, ClaimRepository claims, PaperRepository papers, ScoreRepository scores) {
        this.notes = notes;
        this.claims = claims;
        this.papers = papers;
        this.scores = scores;
    }

    public NotesView view(String paperId) {
        Map<NoteField, NoteValue> fields = new EnumMap<>(NoteField.class);
        List<NumericClaim> found = new ArrayList<>(claims.forPaper(paperId));
        Optional<StoredPaper> paper = papers.find(paperId);
        paper.ifPresent(p -> {
            Instant at = p.updated() != null ? p.updated() : p.published();
            suggest(fields, Prefill.fromMetadata(p.summary(), p.links().code()), at);
            found.addAll(ClaimExtractor.extract(p.summary()));
        });
        List<PaperScored> paperScores = scores.forPaper(paperId);
        suggest(fields, Prefill.fromScores(paperScores),
                paperScores.stream().map(PaperScored::scoredAt).filter(t -> t != null)
                        .max(Comparator.naturalOrder()).orElse(null));
        fields.putAll(notes.fields(paperId));
        return NotesView.of(paperId, fields, found, notes.history(paperId, HISTORY));
    }

    private static void suggest(Map<NoteField, NoteValue> fields, Map<NoteField, String> values, Instant at) {
        values.forEach((field, value) -> fields.put(field, new NoteValue(value, true, NoteRepository.FROM_METADATA, at)));
    }
}
