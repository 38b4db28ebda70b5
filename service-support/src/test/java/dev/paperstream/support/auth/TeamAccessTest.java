package dev.paperstream.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamAccessTest {
    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    private static SecurityIdentity signedIn(String role, TeamScope teams) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("someone")).addRoles(Roles.including(role));
        if (teams != null) {
            b.addAttribute(TeamScope.ATTRIBUTE, teams);
        }
        return b.build();
    }

    private static AuthConfig readsOpen() {
        return new AuthConfig() {
            @Override
            public Optional<String> adminToken() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> tokens() {
                return Optional.empty();
            }

            @Override
            public boolean readsNeedToken() {
                return false;
            }

            @Override
            public int minTokenLength() {
                return 24;
            }

            @Override
            public Oidc oidc() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void anonymousReadersSeeEveryTeamOnlyWhileReadsAreOpen() {
        assertThat(TeamAccess.scopeOf(ANONYMOUS, false)).isEqualTo(TeamScope.ALL);
        assertThat(TeamAccess.scopeOf(ANONYMOUS, true)).isEqualTo(TeamScope.NONE);
    }

    @Test
    void anAdminMayUseEveryTeamAndAnIdentityWithoutTeamsNone() {
        assertThat(TeamAccess.scopeOf(signedIn(Roles.ADMIN, TeamScope.of(List.of("a"))), true).allTeams()).isTrue();
        assertThat(TeamAccess.scopeOf(signedIn(Roles.EDITOR, null), false)).isEqualTo(TeamScope.NONE);
        assertThat(TeamAccess.scopeOf(signedIn(Roles.EDITOR, TeamScope.of(Set.of("b", "a"))), false).teams())
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void anotherTeamIsA403ThatNamesTheCallersTeams() {
        TeamAccess access = new TeamAccess(signedIn(Roles.EDITOR, TeamScope.of(List.of("team-c", "team-a"))),
                readsOpen());
        assertThat(access.requireTeam("team-a")).isEqualTo("team-a");
        assertThatThrownBy(() -> access.requireTeam("team-b")).isInstanceOf(ProblemException.class)
                .hasMessage("team 'team-b' is not one of yours; you may use team-a, team-c")
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        access.requireAnyOf(List.of(), "a paper nobody scored");
        access.requireAnyOf(List.of("team-b", "team-c"), "a shared paper");
        assertThatThrownBy(() -> access.requireAnyOf(List.of("team-b"), "paper 2601.00001"))
                .hasMessage("paper 2601.00001 belongs to teams you may not use; you may use team-a, team-c");
        assertThat(access.visible(List.of("team-a", "team-b", "team-c"))).containsExactly("team-a", "team-c");
    }
}
