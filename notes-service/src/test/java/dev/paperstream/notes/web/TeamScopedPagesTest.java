package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A web session started with a team-scoped token ({@code editor@team-a}) sees and changes only team-a's data. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class TeamScopedPagesTest {
    private static final String PAPER_A = "2608.52001";
    private static final String PAPER_B = "2608.52002";
    private static final String TEAM_A_EDITOR = "test-team-a-editor-long-enough";
    private static boolean fed;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        Instant published = Instant.parse("2026-08-03T00:00:00Z");
        try (EventFeed feed = new EventFeed()) {
            feed.scoredPaper(PAPER_A, "Inbox paper of team A", published, "team-a", 9, PaperType.ARCHITECTURE);
            feed.scoredPaper(PAPER_B, "Inbox paper of team B", published, "team-b", 9, PaperType.ARCHITECTURE);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                // the inbox lists a paper once both its metadata and its score are in (two topics, two consumers)
                given().get("/api/papers/" + PAPER_A + "/queue").jsonPath().getList("$").size() == 1
                        && given().get("/api/papers/" + PAPER_B + "/queue").jsonPath().getList("$").size() == 1
                        && given().get("/api/papers/" + PAPER_A).statusCode() == 200
                        && given().get("/api/papers/" + PAPER_B).statusCode() == 200);
    }

    @Test
    void aSessionSignedInWithATeamTokenSeesOnlyItsTeamInTheInbox() {
        String session = SignIn.session(TEAM_A_EDITOR);
        given().cookie(SignIn.COOKIE, session).get("/?q=inbox").then().statusCode(200)
                .body(allOf(containsString("Inbox paper of team A"), not(containsString("Inbox paper of team B")),
                        containsString("<option value=\"team-a\""), not(containsString("<option value=\"team-b\""))));
        given().cookie(SignIn.COOKIE, SignIn.session("test-editor-token-long-enough")).get("/?q=inbox").then()
                .statusCode(200).body(allOf(containsString("Inbox paper of team A"),
                        containsString("Inbox paper of team B")));
    }

    @Test
    void anotherTeamsPagesAnswerAReadable403() {
        String session = SignIn.session(TEAM_A_EDITOR);
        for (String page : new String[] {"/?team=team-b", "/papers/" + PAPER_B, "/teams/team-b"}) {
            given().cookie(SignIn.COOKIE, session).get(page).then().statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(allOf(containsString("Not your team"), containsString("You may use team-a."),
                            containsString("signed in as editor-3 (team-a)")));
        }
        given().cookie(SignIn.COOKIE, session).get("/papers/" + PAPER_A).then().statusCode(200)
                .body(allOf(containsString("Inbox paper of team A"), not(containsString("team-b"))));
        given().cookie(SignIn.COOKIE, session).get("/teams/team-a").then().statusCode(200);
    }

    @Test
    void anotherTeamsFormsAreRefusedAndChangeNothing() {
        String session = SignIn.session(TEAM_A_EDITOR);
        Response page = given().cookie(SignIn.COOKIE, session).get("/papers/" + PAPER_A);
        String csrf = page.getCookie("csrf-token");
        given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .redirects().follow(false).post("/papers/" + PAPER_B + "/queue/team-b/claim").then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .formParam("pass1.problem", "not ours").redirects().follow(false)
                .post("/papers/" + PAPER_B + "/notes/pass1").then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .redirects().follow(false).post("/teams/team-b/feed-tokens").then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .formParam("vote", "up").redirects().follow(false)
                .post("/feedback/votes/team-b/" + PAPER_B).then().statusCode(403)
                .body(containsString("team &#39;team-b&#39; is not one of yours"));
        given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .formParam("paperType", "THEORETICAL").formParam("reason", "a survey").redirects().follow(false)
                .post("/feedback/corrections/" + PAPER_A).then().statusCode(403)
                .body(containsString("changes every team&#39;s scores"));
        given().get("/api/papers/" + PAPER_B + "/queue").then().body("claimedBy[0]", org.hamcrest.Matchers.nullValue());
        given().cookie(SignIn.COOKIE, session).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .redirects().follow(false).post("/papers/" + PAPER_A + "/queue/team-a/claim").then().statusCode(303);
    }
}
