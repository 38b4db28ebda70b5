package dev.paperstream.priority.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's vote for a team on a paper (table {@code feedback}): +1 liked, -1 not, and -1 with
 * {@code notRelevant} for "not relevant to us"; one per team, paper and voter.
 */
@Entity
@Table(name = "feedback")
@IdClass(FeedbackEntity.Key.class)
public class FeedbackEntity {
    @Id
    public String team;

    @Id
    @Column(name = "paper_id")
    public String paperId;

    @Id
    public String voter;

    @Column(nullable = false)
    public short vote;

    @Column(name = "not_relevant", nullable = false)
    public boolean notRelevant;

    @Column(name = "voted_at", nullable = false)
    public Instant votedAt;

    /** The primary key: team, paper and voter. */
    public static class Key implements Serializable {
        public String team;
        public String paperId;
        public String voter;

        public Key() {
        }

        public Key(String team, String paperId, String voter) {
            this.team = team;
            this.paperId = paperId;
            this.voter = voter;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(team, k.team) && Objects.equals(paperId, k.paperId)
                    && Objects.equals(voter, k.voter);
        }

        @Override
        public int hashCode() {
            return Objects.hash(team, paperId, voter);
        }
    }
}
