package dev.paperstream.notes.queue;

import dev.paperstream.events.Priority;
import java.time.Instant;

/** A paper in one team's reading queue. */
public record QueueItem(
        String paperId,
        String team,
        Priority priority,
        ReadingStatus status,
        String claimedBy,
        Instant claimedAt,
        Instant queuedAt,
        Instant dueAt,
        boolean overdue,
        String statusChangedBy,
        Instant statusChangedAt) {
}
