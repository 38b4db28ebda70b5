package dev.paperstream.ingest.api;

import dev.paperstream.ingest.store.Subscription;
import java.time.Instant;

/** A team's category or query as the API shows it, with the outcome of its last poll. */
public record SubscriptionView(long id, String team, Subscription.Kind kind, String value, Instant createdAt,
        Instant lastPolledAt, Integer lastAccepted, String lastError) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.team, s.kind, s.value, s.createdAt, s.lastPolledAt, s.lastAccepted,
                s.lastError);
    }
}
