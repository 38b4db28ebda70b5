package dev.paperstream.notes.notes;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.papers.ScoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Keeps the machine's suggestions in the notes current as metadata, scores and full text arrive. */
@ApplicationScoped
public class PrefillService {
    private final NoteRepository notes;
    private final ClaimRepository claims;
    private final ScoreRepository scores;

    public PrefillService(NoteRepository notes, ClaimRepository claims, ScoreRepository scores) {
        this.notes = notes;
        this.claims = claims;
        this.scores = scores;
    }

    /** Claims and pass-1 suggestions from the metadata of a batch of papers (each once): three statements. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void metadataAll(List<PaperDiscovered> papers) {
        Map<String, List<NumericClaim>> found = new HashMap<>();
        Map<String, Map<NoteField, String>> suggested = new HashMap<>();
        for (PaperDiscovered paper : papers) {
            found.put(paper.id(), ClaimExtractor.extract(paper.summary()));
            suggested.put(paper.id(), Prefill.fromMetadata(paper));
        }
        claims.replaceAll(found, ClaimRepository.ABSTRACT);
        notes.prefillAll(suggested, NoteRepository.FROM_METADATA);
    }

    /** The deep-read verdict from each paper's scores: one read of their scores, one write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scoresAll(Collection<String> paperIds) {
        Map<String, Map<NoteField, String>> suggested = new HashMap<>();
        scores.forPapers(paperIds).forEach((id, paperScores) -> suggested.put(id, Prefill.fromScores(paperScores)));
        notes.prefillAll(suggested, NoteRepository.FROM_METADATA);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fullText(PaperParsed parsed) {
        List<NumericClaim> found = new ArrayList<>();
        for (PaperParsed.Section s : parsed.sections()) {
            found.addAll(ClaimExtractor.extract(s.text()));
        }
        claims.replace(parsed.id(), ClaimRepository.FULLTEXT, found);
        notes.prefill(parsed.id(), Prefill.fromParsed(parsed, found), NoteRepository.FROM_FULLTEXT);
    }
}
