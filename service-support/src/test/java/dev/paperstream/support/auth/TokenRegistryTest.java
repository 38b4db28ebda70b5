package dev.paperstream.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

    private static AuthConfig config(String admin, List<String> tokens) {
        return config(admin, tokens, 24);
    }

    private static AuthConfig config(String admin, List<String> tokens, int minLength) {
        return new AuthConfig() {
            @Override
            public Optional<String> adminToken() {
                return Optional.ofNullable(admin);
            }

            @Override
            public Optional<List<String>> tokens() {
                return Optional.ofNullable(tokens);
            }

            @Override
            public boolean readsNeedToken() {
                return false;
            }

            @Override
            public int minTokenLength() {
                return minLength;
            }

            @Override
            public Oidc oidc() {
                throw new UnsupportedOperationException("the registry does not read OIDC settings");
            }
        };
    }

    @Test
    void theAdminTokenCarriesEveryRoleAndAnEditorCannotAdminister() {
        String admin = UUID.randomUUID().toString();
        String editor = UUID.randomUUID().toString();
        String viewer = UUID.randomUUID().toString();
        TokenRegistry registry = new TokenRegistry(config(admin, List.of("editor:" + editor, "viewer:" + viewer)));

        assertThat(registry.lookup(admin).orElseThrow().roles()).containsExactlyInAnyOrder("admin", "editor", "viewer");
        assertThat(registry.lookup(editor).orElseThrow().roles()).containsExactlyInAnyOrder("editor", "viewer");
        assertThat(registry.lookup(viewer).orElseThrow().roles()).containsExactly("viewer");
        assertThat(registry.lookup(admin + "x")).isEmpty();
        assertThat(registry.lookup("")).isEmpty();
    }

    @Test
    void aTokenWithTeamsMayUseOnlyThoseWhileOneWithoutTeamsMayUseEvery() {
        String editorA = UUID.randomUUID().toString();
        String viewerAB = UUID.randomUUID().toString();
        String everyTeam = UUID.randomUUID().toString();
        TokenRegistry registry = new TokenRegistry(config(null, List.of("editor@team-a:" + editorA,
                "viewer@team-a+team.b:" + viewerAB, "editor:" + everyTeam)));

        TokenRegistry.Principal a = registry.lookup(editorA).orElseThrow();
        assertThat(a.roles()).containsExactlyInAnyOrder("editor", "viewer");
        assertThat(a.teams().allows("team-a")).isTrue();
        assertThat(a.teams().allows("team.b")).isFalse();
        assertThat(a.name()).isEqualTo("editor-1 (team-a)");
        TokenRegistry.Principal ab = registry.lookup(viewerAB).orElseThrow();
        assertThat(ab.teams().teams()).containsExactlyInAnyOrder("team-a", "team.b");
        assertThat(ab.teams().describe()).isEqualTo("team-a, team.b");
        assertThat(registry.lookup(everyTeam).orElseThrow().teams().allTeams()).isTrue();
        assertThat(registry.lookup(everyTeam).orElseThrow().name()).isEqualTo("editor-3");
    }

    @Test
    void anAdminTokenCannotBeNarrowedToTeamsAndABadTeamNameStopsTheStartWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> new TokenRegistry(config(null, List.of("admin@team-a:" + "s3cr3t".repeat(5)))))
                .hasMessageContaining("paperstream.auth.tokens entry 1").hasMessageContaining("admin tokens are for every team")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new TokenRegistry(config(null, List.of("editor@team a:" + "s3cr3t".repeat(5)))))
                .hasMessageContaining("team name").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new TokenRegistry(config(null, List.of("editor@:" + "s3cr3t".repeat(5)))))
                .hasMessageContaining("team name").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void noConfiguredTokenMeansNobodyIsAuthenticated() {
        TokenRegistry registry = new TokenRegistry(config("", null));
        assertThat(registry.lookup("")).isEmpty();
        assertThat(registry.lookup("anything")).isEmpty();
    }

    @Test
    void aMalformedEntryIsRejectedWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> new TokenRegistry(config(null, List.of("s3cr3t-without-role"))))
                .hasMessageContaining("role:token").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new TokenRegistry(config(null, List.of("superuser:s3cr3t"))))
                .hasMessageContaining("superuser").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aTokenShorterThanTheMinimumStopsTheServiceWithoutEchoingIt() {
        assertThatThrownBy(() -> new TokenRegistry(config("short-admin-s3cr3t", null)))
                .hasMessageContaining("paperstream.auth.admin-token is 18 characters long")
                .hasMessageContaining("at least 24").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new TokenRegistry(config(null, List.of("viewer:" + "v".repeat(30), "editor:ed-s3cr3t"))))
                .hasMessageContaining("paperstream.auth.tokens entry 2 is 9 characters long")
                .hasMessageNotContaining("s3cr3t");
        assertThat(new TokenRegistry(config("x".repeat(24), null)).lookup("x".repeat(24))).isPresent();
        assertThat(new TokenRegistry(config("ed-s3cr3t", null, 8)).lookup("ed-s3cr3t")).isPresent();
    }

    @Test
    void theMinimumItselfIsBounded() {
        assertThatThrownBy(() -> new TokenRegistry(config(null, null, 4)))
                .hasMessageContaining("paperstream.auth.min-token-length must be from 8 to 256, got 4");
    }
}
