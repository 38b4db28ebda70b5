package dev.paperstream.notes.papers;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.queue.ReadingStatus;

/** The triage list's filters; null means "any". */
public record PaperFilter(String team, Priority priority, PaperType type, ReadingStatus status, String query, int limit, int offset) {

    /** Papers without a score can only match when nothing about a score is asked for. */
    public boolean needsScore() {
        return team != null || priority != null || type != null || status != null;
    }
}
