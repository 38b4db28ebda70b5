package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A queue item a person claimed or moved on (table {@code reading_item}); an untouched item has no row (see
 * {@link QueueRepository}).
 */
@Entity
@Table(name = "reading_item")
@IdClass(ReadingItemEntity.Key.class)
public class ReadingItemEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;
    @Id
    public String team;
    public String status;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "status_changed_by")
    public String statusChangedBy;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

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
