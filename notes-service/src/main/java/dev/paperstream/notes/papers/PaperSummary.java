package dev.paperstream.notes.papers;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.queue.ReadingStatus;
import java.time.Instant;
import java.util.List;

/**
 * One row of the triage list: a paper and one team's score of it and where the team is with it (team, score and
 * status null when unscored); {@code duplicateOf} names the paper it repeats when priority found it to be the same
 * work (a near-duplicate), else null.
 */
public record PaperSummary(
        String id,
        int version,
        String title,
        List<String> authors,
        Instant published,
        String primaryCategory,
        String team,
        Priority priority,
        Integer score,
        PaperType paperType,
        ReadingStatus status,
        String claimedBy,
        Instant dueAt,
        boolean overdue,
        String duplicateOf) {
}
