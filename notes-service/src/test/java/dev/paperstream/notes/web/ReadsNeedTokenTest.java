package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@TestProfile(ReadsNeedTokenTest.ReadsNeedToken.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadsNeedTokenTest {
    private static final String VIEWER = "Bearer test-viewer-token-long-enough";
    private static final String EDITOR = "Bearer test-editor-token-long-enough";

    public static class ReadsNeedToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.auth.reads-need-token", "true",
                    "paperstream.web.sign-in-failures-per-minute", "3");
        }
    }

    @Test
    @Order(1)
    void anonymousApiReadsAnswer401ProblemJsonAndAnyRoleMayRead() {
        given().get("/api/papers").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("needs a token for reads too"));
        given().get("/api/benchmark-results").then().statusCode(401);
        given().get("/api/papers/2610.99999/checklist.md").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-known-token-at-all-xxxx").get("/api/papers").then()
                .statusCode(401);
        given().header("Authorization", VIEWER).get("/api/papers").then().statusCode(200);
        given().cookie(SignIn.COOKIE, SignIn.session("test-viewer-token-long-enough")).get("/api/papers").then()
                .statusCode(200);
    }

    @Test
    @Order(2)
    void anonymousVisitorsSeeOnlyTheSignInPageStaticAssetsAndHealth() {
        for (String page : new String[] {"/", "/papers/2610.99999", "/teams/some-team", "/live"}) {
            Response r = given().redirects().follow(false).get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(303);
            assertThat(r.header("Location")).as(page).endsWith("/sign-in");
        }
        given().get("/sign-in").then().statusCode(200).body(containsString("id=\"token\""));
        given().get("/app.css").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().cookie(SignIn.COOKIE, SignIn.session("test-viewer-token-long-enough")).get("/").then()
                .statusCode(200).body(containsString("Thank you to arXiv"));
    }

    @Test
    @Order(3)
    void aFeedOpensWithItsTeamsTokenUntilTheTokenIsRevoked() {
        given().get("/feeds/feed-a.atom").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("feed token"));
        given().header("Authorization", VIEWER).contentType("application/json").post("/api/teams/feed-a/feed-tokens").then().statusCode(403);
        JsonPath created = given().header("Authorization", EDITOR).contentType("application/json")
                .post("/api/teams/feed-a/feed-tokens").then()
                .statusCode(201).extract().jsonPath();
        String token = created.getString("token");
        assertThat(created.getString("url")).isEqualTo("http://paperstream.test/feeds/feed-a/" + token + ".atom");

        given().get("/feeds/feed-a/" + token + ".atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).body(containsString("HIGH papers for feed-a"));
        given().queryParam("token", token).get("/feeds/feed-a.atom").then().statusCode(200);
        given().get("/feeds/feed-b/" + token + ".atom").then().statusCode(404);
        given().get("/feeds/feed-a/" + token + "x.atom").then().statusCode(404);
        given().header("Authorization", VIEWER).get("/feeds/feed-a.atom").then().statusCode(200);

        String listed = given().header("Authorization", EDITOR).get("/api/teams/feed-a/feed-tokens").asString();
        assertThat(listed).doesNotContain(token).contains("\"createdBy\":\"editor-1\"");
        given().header("Authorization", EDITOR).delete("/api/teams/feed-a/feed-tokens/" + created.getLong("id"))
                .then().statusCode(204);
        given().get("/feeds/feed-a/" + token + ".atom").then().statusCode(404);
        given().queryParam("token", token).get("/feeds/feed-a.atom").then().statusCode(404);
        given().header("Authorization", EDITOR).get("/api/teams/feed-a/feed-tokens").then()
                .body("[0].revoked", equalTo(true));
        given().header("Authorization", EDITOR).delete("/api/teams/feed-b/feed-tokens/" + created.getLong("id"))
                .then().statusCode(404);
    }

    @Test
    @Order(4)
    void theTeamPageMakesAFeedTokenAndShowsItsUrlOnce() {
        String session = SignIn.session("test-editor-token-long-enough");
        String csrf = given().cookie(SignIn.COOKIE, session).get("/teams/feed-c").getCookie("csrf-token");
        String page = given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .post("/teams/feed-c/feed-tokens").then().statusCode(200).extract().asString();
        java.util.regex.Matcher url = java.util.regex.Pattern
                .compile("http://paperstream.test/feeds/feed-c/([A-Za-z0-9_-]{43})\\.atom").matcher(page);
        assertThat(url.find()).isTrue();
        given().get("/feeds/feed-c/" + url.group(1) + ".atom").then().statusCode(200);
        assertThat(given().cookie(SignIn.COOKIE, session).get("/teams/feed-c").asString())
                .doesNotContain(url.group(1)).contains("Token ", "by editor-1");
    }

    /** Last: it leaves this address throttled for a minute. */
    @Test
    @Order(5)
    void wrongTokensFromOneAddressAreThrottledWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(SignIn.form("wrong-token-number-" + i + "-long-enough").statusCode()).isEqualTo(401);
        }
        Response throttled = SignIn.form("test-viewer-token-long-enough");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 61);
        assertThat(throttled.asString()).contains("Too many wrong tokens");
    }
}
