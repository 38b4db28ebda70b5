package dev.paperstream.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class OidcClaimsAugmentorTest {

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    @Test
    void namesAreReadFromArraysStringsAndNestedClaims() {
        JsonWebToken jwt = token(Map.of(
                "groups", Set.of("editor"),
                "paperstream_teams", Json.createArrayBuilder().add("team-a").add(7).add("team-b").build(),
                "teams_text", Json.createValue(" team-a, team-b  team-c "),
                "realm_access", Json.createObjectBuilder()
                        .add("roles", Json.createArrayBuilder().add("viewer").add("offline_access")).build()));

        assertThat(OidcClaimsAugmentor.claimValues(jwt, "groups")).containsExactly("editor");
        assertThat(OidcClaimsAugmentor.claimValues(jwt, "paperstream_teams")).containsExactly("team-a", "team-b");
        assertThat(OidcClaimsAugmentor.claimValues(jwt, "teams_text")).containsExactly("team-a", "team-b", "team-c");
        assertThat(OidcClaimsAugmentor.claimValues(jwt, "realm_access.roles"))
                .containsExactly("viewer", "offline_access");
    }

    @Test
    void aMissingOrMistypedClaimNamesNothing() {
        JsonWebToken jwt = token(Map.of("realm_access", Json.createValue(3)));
        assertThat(OidcClaimsAugmentor.claimValues(jwt, "paperstream_teams")).isEqualTo(List.of());
        assertThat(OidcClaimsAugmentor.claimValues(jwt, "realm_access.roles")).isEqualTo(List.of());
        assertThat(OidcClaimsAugmentor.claimValues(jwt, "realm_access")).isEqualTo(List.of());
    }
}
