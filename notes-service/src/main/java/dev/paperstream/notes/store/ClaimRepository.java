package dev.paperstream.notes.store;

import dev.paperstream.notes.notes.NumericClaim;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Numeric claims found in a paper's full text ({@code numeric_claim}); a new extraction replaces the old. The
 * abstract's claims are extracted when the notes are read ({@code api.NotesReader}).
 */
@ApplicationScoped
public class ClaimRepository implements PanacheRepositoryBase<NumericClaimEntity, NumericClaimEntity.Key> {
    // the only source stored: the abstract's claims are worked out when the notes are read
    private static final String FULLTEXT = "fulltext";

    @Transactional
    public void replace(String paperId, List<NumericClaim> claims) {
        delete("paperId = ?1 and source = ?2", paperId, FULLTEXT);
        for (int i = 0; i < claims.size(); i++) {
            NumericClaim claim = claims.get(i);
            NumericClaimEntity e = new NumericClaimEntity();
            e.paperId = paperId;
            e.source = FULLTEXT;
            e.ordinal = i;
            e.kind = claim.kind();
            e.value = claim.value();
            e.unit = claim.unit();
            e.quantity = claim.quantity();
            e.phrase = claim.phrase();
            e.context = claim.context();
            persist(e);
        }
    }

    @Transactional
    public List<NumericClaim> forPaper(String paperId) {
        return list("paperId = ?1 and source = ?2", Sort.by("ordinal"), paperId, FULLTEXT).stream()
                .map(e -> new NumericClaim(e.kind, e.value, e.unit, e.quantity, e.phrase, e.context)).toList();
    }
}
