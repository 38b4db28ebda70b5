package dev.paperstream.priority.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The scores published for each paper and team, in the order they were published. */
@ApplicationScoped
public class ScoreHistoryRepository implements PanacheRepositoryBase<ScoreHistoryEntity, Long> {

    /** One published score of a paper for a team. */
    public record HistoryEntry(String team, int version, int score, String priority, Instant scoredAt) {
    }

    /** Every score published for the paper, oldest first. */
    public List<HistoryEntry> history(String paperId) {
        return list("paperId", Sort.by("seq"), paperId).stream()
                .map(h -> new HistoryEntry(h.team, h.version, h.score, h.priority, h.scoredAt))
                .toList();
    }
}
