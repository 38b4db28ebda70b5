package dev.paperstream.priority.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OIDC on, against a local OIDC provider (WireMock, {@code quarkus-test-oidc-server}): access tokens it signed
 * carry roles in {@code groups} and teams in {@code paperstream_teams}, and get the same team scope as
 * configured tokens, which keep working beside them.
 */
@QuarkusTest
@TestProfile(OidcTeamScopeTest.OidcOn.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class OidcTeamScopeTest {
    static final String ISSUER = "https://server.example.com";
    static final String AUDIENCE = "https://service.example.com";

    public static class OidcOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.token.audience", AUDIENCE);
        }
    }

    /** An access token as the provider would issue it, signed with its key. */
    static String accessToken(String user, Set<String> groups, Object teams) {
        var claims = Jwt.preferredUserName(user).groups(groups).issuer(ISSUER).audience(AUDIENCE)
                .expiresAt(Instant.now().plusSeconds(300));
        if (teams != null) {
            claims = claims.claim("paperstream_teams", teams);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    private static ValidatableResponse read(String team, String token) {
        return given().header("Authorization", "Bearer " + token).when().get("/api/teams/" + team + "/profile")
                .then();
    }

    private static ValidatableResponse write(String team, String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body("{\"categories\": [\"cs.LG\"]}").when().put("/api/teams/" + team + "/profile").then();
    }

    @BeforeEach
    void bothTeamsHaveProfiles() {
        TeamProfileResourceTest.put("oidc-a", "{\"categories\": [\"cs.LG\"]}", "Bearer test-admin-token")
                .statusCode(200);
        TeamProfileResourceTest.put("oidc-b", "{\"categories\": [\"cs.LG\"]}", "Bearer test-admin-token")
                .statusCode(200);
    }

    @Test
    void anOidcEditorOfTeamAEditsTeamAAndIsRefusedTeamB() {
        String alice = accessToken("alice", Set.of("editor"), List.of("oidc-a"));
        read("oidc-a", alice).statusCode(200).body("team", equalTo("oidc-a"));
        write("oidc-a", alice).statusCode(200);
        read("oidc-b", alice).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("team 'oidc-b' is not one of yours; you may use oidc-a"));
        write("oidc-b", alice).statusCode(403);
    }

    @Test
    void teamsMayBeOneStringAndTheStarMeansEveryTeam() {
        String bob = accessToken("bob", Set.of("viewer"), "oidc-b oidc-c");
        read("oidc-b", bob).statusCode(200);
        read("oidc-a", bob).statusCode(403).body("detail", containsString("you may use oidc-b, oidc-c"));
        write("oidc-b", bob).statusCode(403);
        String carol = accessToken("carol", Set.of("editor"), List.of("*"));
        write("oidc-a", carol).statusCode(200);
        write("oidc-b", carol).statusCode(200);
    }

    @Test
    void anOidcAdminMayUseEveryTeamAndATokenWithoutTeamsNone() {
        String root = accessToken("root", Set.of("admin"), null);
        write("oidc-b", root).statusCode(200);
        String dave = accessToken("dave", Set.of("editor"), null);
        read("oidc-a", dave).statusCode(403).body("detail", containsString("you may use no team"));
    }

    @Test
    void aGroupNamedAdminInTheTeamsClaimGrantsNoRole() {
        String eve = accessToken("eve", Set.of(), List.of("admin", "oidc-a"));
        read("oidc-a", eve).statusCode(200);
        write("oidc-a", eve).statusCode(403);
    }

    @Test
    void configuredTokensStillWorkBesideOidcAndUnknownOnesAreRefused() {
        read("oidc-b", "test-team-a-editor").statusCode(403).body("detail", containsString("you may use team-a"));
        write("oidc-b", "test-editor-token").statusCode(200);
        write("oidc-b", "not-a-token-anyone-configured").statusCode(401);
        String forged = accessToken("mallory", Set.of("admin"), null);
        write("oidc-b", forged.substring(0, forged.length() - 4) + "AAAA").statusCode(401);
    }
}
