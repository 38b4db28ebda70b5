package dev.paperstream.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team's category or query (table {@code subscription}), with the outcome of its last poll. */
@Entity
@Table(name = "subscription")
public class Subscription {
    public enum Kind {
        category, query
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String team;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String value;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "last_polled_at")
    public Instant lastPolledAt;
    @Column(name = "last_accepted")
    public Integer lastAccepted;
    @Column(name = "last_error")
    public String lastError;
}
