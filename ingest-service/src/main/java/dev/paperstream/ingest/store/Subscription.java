package dev.paperstream.ingest.subscription;

import java.time.Instant;

/** A team's category or query, with the outcome of its last poll. */
public record Subscription(long id, String team, Kind kind, String value, Instant createdAt, Instant lastPolledAt,
        Integer lastAccepted, String lastError) {

    public enum Kind {
        category, query
    }
}
