package dev.paperstream.notes.channels;

import java.time.Instant;

/**
 * One announcement of a paper to one of a team's channels, and how its delivery went; {@code webhookId} is the
 * {@code webhook-id} every attempt carries.
 */
public record Delivery(long id, String webhookId, String paperId, String team, String kind, String target,
        String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    /** The channel was removed before the delivery was sent. */
    public static final String CANCELLED = "CANCELLED";

    /** The delivery as pages and the API show it: the target masked, the error naming hosts only. */
    public Delivery shown() {
        return new Delivery(id, webhookId, paperId, team, kind, Redaction.masked(target), status, attempts,
                nextAttemptAt, Redaction.error(lastError, target), createdAt, deliveredAt);
    }
}
