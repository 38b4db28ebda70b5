package dev.paperstream.priority.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Thumbs up and down of teams on papers, joined with the papers' text for training. */
@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<FeedbackEntity, FeedbackEntity.Key> {

    /** A vote on a paper and, when priority has seen the paper, its title and abstract. */
    public record Vote(String paperId, boolean liked, String title, String abstractText) {
        public boolean hasText() {
            return title != null;
        }
    }

    /** Records the team's vote on the paper; a new vote replaces the old one. */
    @Transactional
    public void vote(String team, String paperId, boolean liked) {
        FeedbackEntity existing = findById(new FeedbackEntity.Key(team, paperId));
        FeedbackEntity f = existing != null ? existing : new FeedbackEntity();
        f.team = team;
        f.paperId = paperId;
        f.vote = (short) (liked ? 1 : -1);
        f.votedAt = Instant.now();
        if (existing == null) {
            persist(f);
        }
    }

    /** Every vote of the team, oldest first, with the paper's text when known. */
    public List<Vote> votes(String team) {
        return getEntityManager().createQuery("""
                SELECT f.paperId, f.vote, p.title, p.abstractText FROM FeedbackEntity f
                LEFT JOIN PaperEntity p ON p.id = f.paperId
                WHERE f.team = :team ORDER BY f.votedAt, f.paperId
                """, Object[].class).setParameter("team", team).getResultStream()
                .map(r -> new Vote((String) r[0], (Short) r[1] > 0, (String) r[2], (String) r[3]))
                .toList();
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
