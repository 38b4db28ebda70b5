package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team-scoped tokens (test profile): {@code editor@team-a}, {@code viewer@team-a+team-c}; {@code editor:} and the
 * admin token are for every team. One paper is scored for team-a only, one for team-b only.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class TeamScopedAccessTest {
    static final String ADMIN = "Bearer test-admin-token-long-enough";
    static final String EVERY_TEAM_EDITOR = "Bearer test-editor-token-long-enough";
    static final String TEAM_A_EDITOR = "Bearer test-team-a-editor-long-enough";
    static final String TEAM_AC_VIEWER = "Bearer test-team-ac-viewer-long-enough";
    static final String PAPER_A = "2608.51001";
    static final String PAPER_B = "2608.51002";
    static final String NOT_YOURS = "team 'team-b' is not one of yours; you may use team-a";
    private static boolean fed;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        Instant published = Instant.parse("2026-08-01T00:00:00Z");
        try (EventFeed feed = new EventFeed()) {
            feed.scoredPaper(PAPER_A, "Team A reads this", published, "team-a", 8, PaperType.OPTIMIZATION);
            feed.scoredPaper(PAPER_B, "Team B keeps this", published, "team-b", 8, PaperType.OPTIMIZATION);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", "team-a").get("/api/papers").jsonPath().getInt("total") == 1
                        && given().queryParam("team", "team-b").get("/api/papers").jsonPath().getInt("total") == 1);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("[{\"kind\":\"email\",\"target\":\"b@example.org\"}]")
                .put("/api/teams/team-b/channels").then().statusCode(200);
    }

    private static ValidatableResponse get(String path, String token) {
        return given().header("Authorization", token).get(path).then();
    }

    private static void refusedAsNotYours(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("detail", equalTo(NOT_YOURS));
    }

    @Test
    void aMemberOfTeamAIsRefusedTeamBsQueueWithAProblemNamingItsTeam() {
        refusedAsNotYours(given().header("Authorization", TEAM_A_EDITOR).queryParam("team", "team-b")
                .get("/api/papers").then());
        refusedAsNotYours(given().header("Authorization", TEAM_A_EDITOR).contentType(ContentType.JSON)
                .post("/api/papers/" + PAPER_B + "/queue/team-b/claim").then());
        refusedAsNotYours(given().header("Authorization", TEAM_A_EDITOR).contentType(ContentType.JSON)
                .body("{\"status\": \"PASS1_DONE\"}").put("/api/papers/" + PAPER_B + "/queue/team-b/status").then());
        get("/api/papers/" + PAPER_B + "/queue", TEAM_A_EDITOR).statusCode(200).body("$", empty());
        given().header("Authorization", TEAM_A_EDITOR).contentType(ContentType.JSON)
                .post("/api/papers/" + PAPER_A + "/queue/team-a/claim")
                .then().statusCode(200).body("claimedBy", equalTo("editor-3 (team-a)"));
        get("/api/papers/" + PAPER_B + "/queue", ADMIN).statusCode(200).body("team", hasItem("team-b"));
    }

    @Test
    void theUnfilteredListShowsOnlyTheCallersTeams() {
        get("/api/papers?limit=500", TEAM_A_EDITOR).statusCode(200)
                .body("items.team", everyItem(oneOf("team-a", null)))
                .body("items.id", hasItem(PAPER_A)).body("items.id", not(hasItem(PAPER_B)));
        get("/api/papers?limit=500", EVERY_TEAM_EDITOR).statusCode(200).body("items.id", hasItem(PAPER_B));
        get("/api/exports/papers.bib?team=team-b", TEAM_A_EDITOR).statusCode(403);
        get("/api/exports/papers.bib", TEAM_A_EDITOR).statusCode(200)
                .body(allOf(containsString("Team A reads this"), not(containsString("Team B keeps this"))));
    }

    @Test
    void aMemberOfTeamAIsRefusedTheNotesOfAPaperOnlyTeamBScored() {
        String refusal = "paper " + PAPER_B + " belongs to teams you may not use; you may use team-a";
        get("/api/papers/" + PAPER_B, TEAM_A_EDITOR).statusCode(403).body("detail", equalTo(refusal));
        get("/api/papers/" + PAPER_B + "/notes", TEAM_A_EDITOR).statusCode(403).body("detail", equalTo(refusal));
        get("/api/papers/" + PAPER_B + "/notes.md", TEAM_A_EDITOR).statusCode(403);
        get("/api/papers/" + PAPER_B + "/checklist.md", TEAM_A_EDITOR).statusCode(403);
        given().header("Authorization", TEAM_A_EDITOR).contentType(ContentType.JSON)
                .body("{\"pass1\": {\"problem\": \"written by the wrong team\"}}")
                .put("/api/papers/" + PAPER_B + "/notes").then().statusCode(403);
        given().header("Authorization", TEAM_A_EDITOR).contentType(ContentType.JSON)
                .body("{\"pass1\": {\"problem\": \"ours\"}}")
                .put("/api/papers/" + PAPER_A + "/notes").then().statusCode(200);
        get("/api/papers/" + PAPER_A, TEAM_A_EDITOR).statusCode(200)
                .body("scores.team", everyItem(equalTo("team-a"))).body("queue.team", everyItem(equalTo("team-a")));
        get("/api/papers/" + PAPER_B + "/notes", EVERY_TEAM_EDITOR).statusCode(200)
                .body("sections.pass1.problem.value", not(equalTo("written by the wrong team")));
        get("/api/papers/" + PAPER_B, ADMIN).statusCode(200).body("scores[0].team", equalTo("team-b"));
    }

    @Test
    void aMemberOfTeamAIsRefusedTeamBsChannelsFeedTokensFeedAndDeliveries() {
        refusedAsNotYours(get("/api/teams/team-b/channels", TEAM_A_EDITOR));
        refusedAsNotYours(get("/api/teams/team-b/feed-tokens", TEAM_A_EDITOR));
        refusedAsNotYours(given().header("Authorization", TEAM_A_EDITOR).contentType(ContentType.JSON)
                .post("/api/teams/team-b/feed-tokens").then());
        refusedAsNotYours(get("/api/notifications?team=team-b", TEAM_A_EDITOR));
        refusedAsNotYours(get("/feeds/team-b.atom", TEAM_A_EDITOR));
        get("/api/notifications", TEAM_A_EDITOR).statusCode(200).body("team", everyItem(equalTo("team-a")));
        get("/api/teams/team-a/channels", TEAM_A_EDITOR).statusCode(200);
        get("/api/teams/team-a/feed-tokens", TEAM_A_EDITOR).statusCode(200);
    }

    @Test
    void anEveryTeamTokenAndTheAdminKeepFullAccess() {
        get("/api/teams/team-b/channels", EVERY_TEAM_EDITOR).statusCode(200).body("target[0]",
                equalTo("b@example.org"));
        get("/api/teams/team-b/feed-tokens", EVERY_TEAM_EDITOR).statusCode(200);
        get("/api/papers?team=team-b", EVERY_TEAM_EDITOR).statusCode(200).body("items[0].id", equalTo(PAPER_B));
        get("/api/teams/team-b/channels", ADMIN).statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).post("/api/teams/team-b/digest")
                .then().statusCode(200);
    }

    @Test
    void aTokenForTwoTeamsReadsBothButWritesNothing() {
        get("/api/papers?team=team-c", TEAM_AC_VIEWER).statusCode(200).body("total", equalTo(0));
        get("/api/papers?team=team-b", TEAM_AC_VIEWER).statusCode(403)
                .body("detail", equalTo("team 'team-b' is not one of yours; you may use team-a, team-c"));
        get("/api/papers/" + PAPER_A, TEAM_AC_VIEWER).statusCode(200);
        given().header("Authorization", TEAM_AC_VIEWER).contentType(ContentType.JSON)
                .post("/api/papers/" + PAPER_A + "/queue/team-a/claim")
                .then().statusCode(403);
    }

    @Test
    void anUnscoredPaperBelongsToNoTeamYetSoItsNotesAreOpen() {
        String unscored = "2608.51003";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(unscored, EventFeed.paper(unscored, 1, "Nobody scored this", "An abstract.",
                    Instant.parse("2026-08-02T00:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/papers/" + unscored).statusCode() == 200);
        get("/api/papers/" + unscored + "/notes", TEAM_A_EDITOR).statusCode(200);
        get("/api/papers/" + unscored, TEAM_A_EDITOR).statusCode(200).body("scores", empty())
                .body("parsed", nullValue());
    }
}
