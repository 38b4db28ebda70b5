package dev.paperstream.notes.queue;

import dev.paperstream.events.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * HIGH papers are due for a deep read (pass 2) within 7 days of arriving in the queue, MEDIUM papers for a
 * first pass within 30 days; LOW papers are only skimmed or archived and never due. Archiving ends any duty.
 */
public final class DuePolicy {
    private DuePolicy() {
    }

    public static Instant dueAt(Priority priority, Instant queuedAt) {
        if (priority == null || queuedAt == null) {
            return null;
        }
        Duration period = period(priority);
        return period == null ? null : queuedAt.plus(period);
    }

    /** How long after queueing an item of this priority falls due; null: never. */
    public static Duration period(Priority priority) {
        return switch (priority) {
            case HIGH -> Duration.ofDays(7);
            case MEDIUM -> Duration.ofDays(30);
            case LOW -> null;
        };
    }

    public static boolean isDone(Priority priority, ReadingStatus status) {
        if (status == ReadingStatus.ARCHIVED || priority == Priority.LOW) {
            return true;
        }
        ReadingStatus needed = priority == Priority.HIGH ? ReadingStatus.PASS2_DONE : ReadingStatus.PASS1_DONE;
        return status.ordinal() >= needed.ordinal();
    }

    public static boolean isOverdue(Priority priority, ReadingStatus status, Instant queuedAt, Instant now) {
        Instant due = dueAt(priority, queuedAt);
        return due != null && now.isAfter(due) && !isDone(priority, status);
    }
}
