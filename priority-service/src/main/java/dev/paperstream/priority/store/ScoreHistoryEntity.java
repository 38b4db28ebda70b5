package dev.paperstream.priority.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A published score (table {@code score_history}), read only here: {@link ScoreRepository#recordAll} writes
 * the history with the scores. The factors column is not mapped; paper.scored carries them.
 */
@Entity
@Table(name = "score_history")
@Immutable
public class ScoreHistoryEntity {
    @Id
    public long seq;

    @Column(name = "paper_id")
    public String paperId;

    public String team;

    public int version;

    public int score;

    public String priority;

    @Column(name = "scored_at")
    public Instant scoredAt;
}
