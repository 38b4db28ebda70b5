package dev.paperstream.priority.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Papers found to be the same work as an earlier paper (table {@code paper_duplicate}, V14), so that every score
 * of such a paper names the other one.
 */
@ApplicationScoped
public class DuplicateRepository implements PanacheRepositoryBase<PaperDuplicateEntity, String> {

    /** Paper {@code paperId} is the same work as {@code duplicateOf}, their embeddings at this cosine. */
    public record Duplicate(String paperId, String duplicateOf, double cosine) {
    }

    /**
     * Records the duplicates found; a paper found again keeps its first (earlier) match. One embedding worker
     * embeds a paper at a time (the queue leases it), so no two transactions record the same paper at once.
     */
    @Transactional
    public void recordAll(List<Duplicate> found) {
        if (found.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<String, Duplicate> recorded = forPapers(found.stream().map(Duplicate::paperId).toList());
        for (Duplicate d : found) {
            if (!recorded.containsKey(d.paperId())) {
                PaperDuplicateEntity row = new PaperDuplicateEntity();
                row.paperId = d.paperId();
                row.duplicateOf = d.duplicateOf();
                row.cosine = d.cosine();
                row.foundAt = now;
                persist(row);
            }
        }
    }

    /** The duplicates among {@code paperIds}, by paper id, in one query. */
    @Transactional
    public Map<String, Duplicate> forPapers(Collection<String> paperIds) {
        Map<String, Duplicate> out = new HashMap<>();
        if (paperIds.isEmpty()) {
            return out;
        }
        for (PaperDuplicateEntity d : list("paperId in ?1", paperIds)) {
            out.put(d.paperId, new Duplicate(d.paperId, d.duplicateOf, d.cosine));
        }
        return out;
    }
}
