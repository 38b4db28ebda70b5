package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.support.auth.Secrets;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OIDC sign-in on, against a local OIDC provider (WireMock, {@code quarkus-test-oidc-server}) that runs the
 * authorization code flow: the ID token's {@code groups} and {@code paperstream_teams} become a web session with the
 * same team checks as a token's, and the token form keeps working beside it.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.OidcSignInOn.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class OidcSignInTest {
    private static final String PAPER_A = "2608.53001";
    private static final String PAPER_B = "2608.53002";
    private static boolean fed;

    @OidcWireMock
    WireMockServer provider;

    @Inject
    AgroalDataSource dataSource;

    public static class OidcSignInOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.web.oidc.enabled", "true",
                    "paperstream.web.oidc.provider-name", "Example SSO",
                    "quarkus.oidc.web.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.web.client-id", ProviderSignIn.CLIENT_ID,
                    "quarkus.oidc.web.credentials.secret", "a-client-secret-for-the-tests-only");
        }
    }

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        Instant published = Instant.parse("2026-08-03T00:00:00Z");
        try (EventFeed feed = new EventFeed()) {
            feed.scoredPaper(PAPER_A, "OIDC paper of team A", published, "team-a", 9, PaperType.ARCHITECTURE);
            feed.scoredPaper(PAPER_B, "OIDC paper of team B", published, "team-b", 9, PaperType.ARCHITECTURE);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                // the inbox lists a paper once both its metadata and its score are in (two topics, two consumers)
                given().get("/api/papers/" + PAPER_A + "/queue").jsonPath().getList("$").size() == 1
                        && given().get("/api/papers/" + PAPER_B + "/queue").jsonPath().getList("$").size() == 1
                        && given().get("/api/papers/" + PAPER_A).statusCode() == 200
                        && given().get("/api/papers/" + PAPER_B).statusCode() == 200);
    }

    private String signInThroughTheProvider(String user, List<String> groups, Object teams) {
        ProviderSignIn.providerIssues(provider, user, groups, teams);
        ProviderSignIn flow = new ProviderSignIn();
        Response done = flow.signIn();
        assertThat(done.statusCode()).as("the last step of the flow redirects to the inbox").isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/");
        assertThat(flow.cookies().keySet()).as("Paperstream's session is left, not quarkus-oidc's")
                .contains(SignIn.COOKIE).noneMatch(name -> name.startsWith("q_"));
        return flow.cookie(SignIn.COOKIE);
    }

    @Test
    void theSignInPageOffersTheProviderBesideTheTokenForm() {
        given().get("/sign-in").then().statusCode(200).body(allOf(
                containsString("<a href=\"/sign-in/oidc\" class=\"button\" id=\"sign-in-oidc\">Sign in with Example SSO</a>"),
                containsString("name=\"token\"")));
    }

    @Test
    void signingInThroughTheProviderLandsOnTheInboxWithTheTeamsQueue() throws Exception {
        String session = signInThroughTheProvider("olivia", List.of("editor"), List.of("team-a"));
        given().cookie(SignIn.COOKIE, session).get("/?q=OIDC").then().statusCode(200).body(allOf(
                containsString("signed in as olivia"), containsString("OIDC paper of team A"),
                not(containsString("OIDC paper of team B")), containsString("<option value=\"team-a\""),
                not(containsString("<option value=\"team-b\""))));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT principal, roles, teams, signed_in_with FROM web_session WHERE id_hash = ?")) {
            ps.setString(1, Secrets.sha256Hex(session));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("principal")).isEqualTo("olivia");
                assertThat(rs.getString("roles")).isEqualTo("editor,viewer");
                assertThat(rs.getString("teams")).isEqualTo("team-a");
                assertThat(rs.getString("signed_in_with")).isEqualTo("oidc");
            }
        }
    }

    @Test
    void aTeamAMemberSignedInThroughTheProviderGetsThe403PageForTeamB() {
        String session = signInThroughTheProvider("peter", List.of("viewer"), "team-a");
        for (String page : new String[] {"/?team=team-b", "/papers/" + PAPER_B, "/teams/team-b"}) {
            given().cookie(SignIn.COOKIE, session).get(page).then().statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(allOf(containsString("Not your team"), containsString("You may use team-a."),
                            containsString("signed in as peter")));
        }
        given().cookie(SignIn.COOKIE, session).get("/papers/" + PAPER_A).then().statusCode(200)
                .body(containsString("OIDC paper of team A"));
    }

    @Test
    void aPersonWithoutAPaperstreamRoleIsToldWhatIsMissingAndNotSignedIn() {
        ProviderSignIn.providerIssues(provider, "quentin", List.of("staff"), List.of("team-a"));
        ProviderSignIn flow = new ProviderSignIn();
        Response refused = flow.signIn();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().asString()).contains("No Paperstream role",
                "Example SSO signed you in as quentin", "no viewer, editor or admin in the claim <code>groups</code>");
        assertThat(flow.cookies().keySet()).as("neither Paperstream's session nor quarkus-oidc's")
                .noneMatch(name -> name.equals(SignIn.COOKIE) || name.startsWith("q_"));
    }

    @Test
    void aRoleWithoutATeamsClaimMayUseNoTeam() {
        String session = signInThroughTheProvider("sam", List.of("editor"), null);
        given().cookie(SignIn.COOKIE, session).get("/?team=team-a").then().statusCode(403)
                .body(allOf(containsString("You may use no team."), containsString("signed in as sam")));
    }

    @Test
    void signingOutEndsASessionStartedThroughTheProvider() {
        String session = signInThroughTheProvider("rita", List.of("editor"), List.of("team-a"));
        given().cookie(SignIn.COOKIE, session).get("/").then().body(containsString("signed in as rita"));
        String csrf = given().cookie(SignIn.COOKIE, session).get("/").getCookie("csrf-token");
        given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .redirects().follow(false).post("/sign-out").then().statusCode(303);
        given().cookie(SignIn.COOKIE, session).get("/").then().statusCode(200)
                .body(allOf(not(containsString("signed in as rita")), containsString("id=\"sign-in-link\"")));
    }

    @Test
    void tokenSignInStillWorksWithOidcOn() {
        String session = SignIn.session("test-team-a-editor-long-enough");
        given().cookie(SignIn.COOKIE, session).get("/?q=OIDC").then().statusCode(200).body(allOf(
                containsString("OIDC paper of team A"), not(containsString("OIDC paper of team B"))));
        given().cookie(SignIn.COOKIE, session).get("/teams/team-b").then().statusCode(403);
        assertThat(SignIn.form("not-a-token-anyone-configured").statusCode()).isEqualTo(401);
    }
}
