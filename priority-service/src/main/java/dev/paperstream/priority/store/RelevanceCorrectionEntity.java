package dev.paperstream.priority.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A person's correction of a paper's relevance to one team (table {@code relevance_correction}). */
@Entity
@Table(name = "relevance_correction")
@IdClass(RelevanceCorrectionEntity.Key.class)
public class RelevanceCorrectionEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;

    @Id
    public String team;

    public int relevance;

    public String reason;

    @Column(name = "corrected_by")
    public String correctedBy;

    @Column(name = "corrected_at")
    public Instant correctedAt;

    /** The primary key: paper and team. */
    public static class Key implements Serializable {
        public String paperId;
        public String team;

        public Key() {
        }

        public Key(String paperId, String team) {
            this.paperId = paperId;
            this.team = team;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(paperId, k.paperId) && Objects.equals(team, k.team);
        }

        @Override
        public int hashCode() {
            return Objects.hash(paperId, team);
        }
    }
}
