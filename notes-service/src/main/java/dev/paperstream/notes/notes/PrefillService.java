package dev.paperstream.notes.notes;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.papers.ScoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void metadata(PaperDiscovered paper) {
        claims.replace(paper.id(), ClaimRepository.ABSTRACT, ClaimExtractor.extract(paper.summary()));
        notes.prefill(paper.id(), Prefill.fromMetadata(paper), NoteRepository.FROM_METADATA);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void scores(String paperId) {
        notes.prefill(paperId, Prefill.fromScores(scores.forPaper(paperId)), NoteRepository.FROM_METADATA);
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
