package dev.paperstream.support.auth;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which teams' data a caller may read and change: every team (admins, tokens configured without teams, and
 * anonymous readers while reads are open), or the named ones. A signed-in identity carries its scope as the
 * attribute {@link #ATTRIBUTE}.
 */
public record TeamScope(boolean allTeams, Set<String> teams) {
    public static final String ATTRIBUTE = "paperstream.teams";
    public static final TeamScope ALL = new TeamScope(true, Set.of());
    public static final TeamScope NONE = new TeamScope(false, Set.of());

    public TeamScope {
        teams = Set.copyOf(teams);
    }

    public static TeamScope of(Collection<String> teams) {
        return new TeamScope(false, new TreeSet<>(teams));
    }

    public boolean allows(String team) {
        return allTeams || teams.contains(team);
    }

    /** For messages: "every team", "no team", or the names in order. */
    public String describe() {
        if (allTeams) {
            return "every team";
        }
        return teams.isEmpty() ? "no team" : String.join(", ", new TreeSet<>(teams));
    }
}
