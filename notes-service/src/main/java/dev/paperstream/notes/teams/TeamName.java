package dev.paperstream.notes.teams;

import dev.paperstream.support.problem.ProblemException;
import java.util.regex.Pattern;

/** What a team name in a path may be; the API, the pages and the feed all check it here. */
public final class TeamName {
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private TeamName() {
    }

    /** Returns {@code team}, or throws a 400 problem naming it. */
    public static String check(String team) {
        if (team == null || !TEAM.matcher(team).matches()) {
            throw ProblemException.badRequest("'" + team + "' is not a team name (letters, digits, . _ -; at most 64)");
        }
        return team;
    }
}
