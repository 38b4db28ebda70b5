package dev.paperstream.support.auth;

import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * The one check of team-scoped data, used by every endpoint and page that reads or changes a team's queue,
 * notes, channels, feed or profile. Admins, tokens configured without teams, and (while reads are open, see
 * {@code paperstream.auth.reads-need-token}) anonymous readers may use every team; any other caller only the
 * teams its token, web session or OIDC claim names. Anonymous writers never get this far: writes need a role.
 */
@ApplicationScoped
public class TeamAccess {
    private final SecurityIdentity identity;
    private final AuthConfig config;

    public TeamAccess(SecurityIdentity identity, AuthConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The caller's teams. */
    public TeamScope scope() {
        return scopeOf(identity, config.readsNeedToken());
    }

    static TeamScope scopeOf(SecurityIdentity identity, boolean readsNeedToken) {
        if (identity == null || identity.isAnonymous()) {
            return readsNeedToken ? TeamScope.NONE : TeamScope.ALL;
        }
        if (identity.hasRole(Roles.ADMIN)) {
            return TeamScope.ALL;
        }
        // an identity that no provider of ours made names no team: it gets none rather than all
        TeamScope scope = identity.getAttribute(TeamScope.ATTRIBUTE);
        return scope == null ? TeamScope.NONE : scope;
    }

    public boolean allows(String team) {
        return scope().allows(team);
    }

    /** Returns {@code team}, or throws a 403 problem that names the teams the caller may use. */
    public String requireTeam(String team) {
        TeamScope scope = scope();
        if (!scope.allows(team)) {
            throw new TeamForbiddenException(team, scope);
        }
        return team;
    }

    /**
     * For data shared by several teams (a paper's notes belong to every team whose queue holds the paper):
     * passes when the caller may use one of {@code owners}, or nobody owns it yet.
     */
    public void requireAnyOf(Collection<String> owners, String what) {
        TeamScope scope = scope();
        if (scope.allTeams() || owners.isEmpty() || owners.stream().anyMatch(scope::allows)) {
            return;
        }
        throw new TeamForbiddenException(scope, what + " belongs to teams you may not use");
    }

    /**
     * For a change to what every team shares (a paper's type re-scores it for every team): passes only a caller
     * scoped to every team.
     */
    public void requireAllTeams(String what) {
        TeamScope scope = scope();
        if (!scope.allTeams()) {
            throw new TeamForbiddenException(scope, what + " changes every team's scores, and not all teams are yours");
        }
    }

    /** The teams among {@code teams} that the caller may see. */
    public List<String> visible(Collection<String> teams) {
        TeamScope scope = scope();
        return teams.stream().filter(scope::allows).toList();
    }

    /** A 403 that says which teams the caller may use; web pages render it as HTML. */
    public static class TeamForbiddenException extends ProblemException {
        private final TeamScope scope;
        private final String reason;

        TeamForbiddenException(String team, TeamScope scope) {
            this(scope, "team '" + team + "' is not one of yours");
        }

        TeamForbiddenException(TeamScope scope, String reason) {
            super(403, "Forbidden", reason + "; you may use " + scope.describe());
            this.scope = scope;
            this.reason = reason;
        }

        /** What was refused, without the teams the caller may use. */
        public String reason() {
            return reason;
        }

        public TeamScope scope() {
            return scope;
        }
    }
}
