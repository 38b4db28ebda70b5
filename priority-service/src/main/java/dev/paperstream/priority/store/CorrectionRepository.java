package dev.paperstream.priority.store;

import dev.paperstream.events.PaperType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** People's corrections of papers' types and relevance, read by scoring for each batch of papers it scores. */
@ApplicationScoped
public class CorrectionRepository {
    private final EntityManager em;

    public CorrectionRepository(EntityManager em) {
        this.em = em;
    }

    /** A corrected value with who gave it, when and why. */
    public record Correction<T>(T value, String by, Instant at, String reason) {
    }

    /** What people corrected of one paper: its type (null: not corrected) and its relevance per team. */
    public record PaperCorrections(Correction<PaperType> type, Map<String, Correction<Integer>> relevance) {
    }

    /**
     * Replaces the paper's type correction (every team's score uses it); the same correction by the same person
     * again changes nothing, so it stores and publishes no new score.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void correctType(String paperId, PaperType type, String by, String reason) {
        TypeCorrectionEntity c = em.find(TypeCorrectionEntity.class, paperId);
        if (c != null && c.paperType.equals(type.name()) && c.correctedBy.equals(by) && c.reason.equals(reason)) {
            return;
        }
        boolean fresh = c == null;
        c = fresh ? new TypeCorrectionEntity() : c;
        c.paperId = paperId;
        c.paperType = type.name();
        c.correctedBy = by;
        c.reason = reason;
        c.correctedAt = Instant.now();
        if (fresh) {
            em.persist(c);
        }
    }

    /** Replaces the paper's relevance correction for the team; the same one again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void correctRelevance(String paperId, String team, int relevance, String by, String reason) {
        RelevanceCorrectionEntity c = em.find(RelevanceCorrectionEntity.class,
                new RelevanceCorrectionEntity.Key(paperId, team));
        if (c != null && c.relevance == relevance && c.correctedBy.equals(by) && c.reason.equals(reason)) {
            return;
        }
        boolean fresh = c == null;
        c = fresh ? new RelevanceCorrectionEntity() : c;
        c.paperId = paperId;
        c.team = team;
        c.relevance = relevance;
        c.correctedBy = by;
        c.reason = reason;
        c.correctedAt = Instant.now();
        if (fresh) {
            em.persist(c);
        }
    }

    /**
     * The corrections of those of the papers that have any (two queries for the whole batch; on the triage path
     * they find nothing, through the primary keys).
     */
    public Map<String, PaperCorrections> forPapers(Collection<String> paperIds) {
        if (paperIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Correction<PaperType>> types = new HashMap<>();
        List<TypeCorrectionEntity> typeRows = em.createQuery(
                "FROM TypeCorrectionEntity c WHERE c.paperId IN :ids", TypeCorrectionEntity.class)
                .setParameter("ids", paperIds).getResultList();
        for (TypeCorrectionEntity c : typeRows) {
            types.put(c.paperId, new Correction<>(PaperType.valueOf(c.paperType), c.correctedBy, c.correctedAt, c.reason));
        }
        Map<String, Map<String, Correction<Integer>>> relevance = new HashMap<>();
        List<RelevanceCorrectionEntity> relevanceRows = em.createQuery(
                "FROM RelevanceCorrectionEntity c WHERE c.paperId IN :ids", RelevanceCorrectionEntity.class)
                .setParameter("ids", paperIds).getResultList();
        for (RelevanceCorrectionEntity c : relevanceRows) {
            relevance.computeIfAbsent(c.paperId, k -> new HashMap<>())
                    .put(c.team, new Correction<>(c.relevance, c.correctedBy, c.correctedAt, c.reason));
        }
        Map<String, PaperCorrections> out = new HashMap<>();
        for (String id : paperIds) {
            if (types.containsKey(id) || relevance.containsKey(id)) {
                out.put(id, new PaperCorrections(types.get(id), relevance.getOrDefault(id, Map.of())));
            }
        }
        return out;
    }
}
