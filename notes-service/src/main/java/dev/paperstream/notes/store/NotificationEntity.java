package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An announcement of a paper to one of a team's channels (table {@code notification}), as the deliveries list
 * shows it. Planned, claimed and recorded by SQL ({@link NotificationRepository}); this mapping only reads.
 */
@Entity
@Table(name = "notification")
public class NotificationEntity {
    @Id
    public Long id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Column(name = "paper_id")
    public String paperId;
    public String team;
    public String kind;
    public String target;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
