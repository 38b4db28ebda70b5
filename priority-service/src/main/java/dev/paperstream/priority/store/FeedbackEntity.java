package dev.paperstream.priority.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A team's vote on a paper (table {@code feedback}): +1 liked, -1 not; one per team and paper. */
@Entity
@Table(name = "feedback")
@IdClass(FeedbackEntity.Key.class)
public class FeedbackEntity {
    @Id
    public String team;

    @Id
    @Column(name = "paper_id")
    public String paperId;

    @Column(nullable = false)
    public short vote;

    @Column(name = "voted_at", nullable = false)
    public Instant votedAt;

    /** The primary key: team and paper. */
    public static class Key implements Serializable {
        public String team;
        public String paperId;

        public Key() {
        }

        public Key(String team, String paperId) {
            this.team = team;
            this.paperId = paperId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(team, k.team) && Objects.equals(paperId, k.paperId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(team, paperId);
        }
    }
}
