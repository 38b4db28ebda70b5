package dev.paperstream.priority.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People's votes for teams on papers, joined with the papers' text for training. */
@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<FeedbackEntity, FeedbackEntity.Key> {

    /** What a person said about a paper for a team. */
    public enum Ballot {
        UP, DOWN, NOT_RELEVANT
    }

    /**
     * A team's verdict on a paper, the majority of its people's votes (a tie is no verdict), and, when priority
     * has seen the paper, its title and abstract.
     */
    public record Vote(String paperId, boolean liked, String title, String abstractText) {
        public boolean hasText() {
            return title != null;
        }
    }

    /** How many of each ballot a team's people cast, over all papers. */
    public record Counts(long up, long down, long notRelevant) {
    }

    /** Records the person's vote; their new vote on the same paper and team replaces the old one. */
    @Transactional
    public void vote(String team, String paperId, String voter, Ballot ballot) {
        FeedbackEntity existing = findById(new FeedbackEntity.Key(team, paperId, voter));
        FeedbackEntity f = existing != null ? existing : new FeedbackEntity();
        f.team = team;
        f.paperId = paperId;
        f.voter = voter;
        f.vote = (short) (ballot == Ballot.UP ? 1 : -1);
        f.notRelevant = ballot == Ballot.NOT_RELEVANT;
        f.votedAt = Instant.now();
        if (existing == null) {
            persist(f);
        }
    }

    public Counts counts(String team) {
        Object[] r = getEntityManager().createQuery("""
                SELECT COALESCE(SUM(CASE WHEN f.vote > 0 THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN f.vote < 0 AND f.notRelevant = false THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN f.notRelevant = true THEN 1 ELSE 0 END), 0)
                FROM FeedbackEntity f WHERE f.team = :team
                """, Object[].class).setParameter("team", team).getSingleResult();
        return new Counts(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }

    /**
     * The team's verdict per paper (papers in the order of their first vote), with the paper's text when known:
     * liked when more of its people voted up than down or not relevant, disliked when fewer; a tie says nothing.
     */
    public List<Vote> votes(String team) {
        Map<String, Object[]> byPaper = new LinkedHashMap<>();
        Map<String, Integer> balance = new LinkedHashMap<>();
        getEntityManager().createQuery("""
                SELECT f.paperId, f.vote, p.title, p.abstractText FROM FeedbackEntity f
                LEFT JOIN PaperEntity p ON p.id = f.paperId
                WHERE f.team = :team ORDER BY f.votedAt, f.paperId, f.voter
                """, Object[].class).setParameter("team", team).getResultStream().forEach(r -> {
                    byPaper.putIfAbsent((String) r[0], r);
                    balance.merge((String) r[0], (int) (Short) r[1], Integer::sum);
                });
        List<Vote> out = new ArrayList<>(byPaper.size());
        byPaper.forEach((paper, r) -> {
            int b = balance.get(paper);
            if (b != 0) {
                out.add(new Vote(paper, b > 0, (String) r[2], (String) r[3]));
            }
        });
        return out;
    }

    /** Title and abstract of those of the given papers priority has seen, as likes (seed papers). */
    public List<Vote> seedTexts(List<String> paperIds) {
        if (paperIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(
                "SELECT p.id, p.title, p.abstractText FROM PaperEntity p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", paperIds).getResultStream()
                .map(r -> new Vote((String) r[0], true, (String) r[1], (String) r[2]))
                .toList();
    }
}
