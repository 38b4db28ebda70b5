package dev.paperstream.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Marks that a team was given the default subscriptions (table {@code subscription_defaults}), so that a
 * team which later removes them all is not given them again at the next start.
 */
@Entity
@Table(name = "subscription_defaults")
public class SubscriptionDefaults {
    @Id
    public String team;
    @Column(name = "applied_at", insertable = false, updatable = false)
    public Instant appliedAt;
}
