package dev.paperstream.notes.messaging;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.notes.ClaimExtractor;
import dev.paperstream.notes.notes.NumericClaim;
import dev.paperstream.notes.notes.Prefill;
import dev.paperstream.notes.store.ClaimRepository;
import dev.paperstream.notes.store.NoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Stores the full text's suggestions for passes 2 and 3 and the spec, and the claims found in it. */
@ApplicationScoped
public class PrefillService {
    private final NoteRepository notes;
    private final ClaimRepository claims;

    public PrefillService(NoteRepository notes, ClaimRepository claims) {
        this.notes = notes;
        this.claims = claims;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fullText(PaperParsed parsed) {
        List<NumericClaim> found = new ArrayList<>();
        for (PaperParsed.Section s : parsed.sections()) {
            found.addAll(ClaimExtractor.extract(s.text()));
        }
        claims.replace(parsed.id(), found);
        notes.prefill(parsed.id(), Prefill.fromParsed(parsed, found), NoteRepository.FROM_FULLTEXT);
    }
}
