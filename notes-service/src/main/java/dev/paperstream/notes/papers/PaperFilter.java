package dev.paperstream.notes.papers;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.support.auth.TeamScope;
import java.util.Set;

/**
 * The triage list's filters; null means "any". {@code visibleTeams}: the teams whose scores and queue state the
 * caller may see (null: every team); papers no team scored yet are listed for everyone.
 */
public record PaperFilter(String team, Priority priority, PaperType type, ReadingStatus status, String query, int limit,
        int offset, Set<String> visibleTeams) {

    public PaperFilter(String team, Priority priority, PaperType type, ReadingStatus status, String query, int limit,
            int offset) {
        this(team, priority, type, status, query, limit, offset, null);
    }

    /** The same filter, limited to the teams of {@code scope}. */
    public PaperFilter within(TeamScope scope) {
        return new PaperFilter(team, priority, type, status, query, limit, offset,
                scope.allTeams() ? null : scope.teams());
    }

    public PaperFilter page(int limit, int offset) {
        return new PaperFilter(team, priority, type, status, query, limit, offset, visibleTeams);
    }

    /** Papers without a score can only match when nothing about a score is asked for. */
    public boolean needsScore() {
        return team != null || priority != null || type != null || status != null;
    }
}
