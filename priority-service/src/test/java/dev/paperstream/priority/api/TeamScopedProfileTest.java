package dev.paperstream.priority.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team-scoped tokens (test profile): {@code editor@team-a}, {@code viewer@team-a+team-c}; {@code editor:} and the
 * admin token are for every team.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class TeamScopedProfileTest {
    static final String ADMIN = "Bearer test-admin-token";
    static final String EVERY_TEAM_EDITOR = "Bearer test-editor-token";
    static final String TEAM_A_EDITOR = "Bearer test-team-a-editor";
    static final String TEAM_AC_VIEWER = "Bearer test-team-ac-viewer";
    static final String PROFILE = "{\"categories\": [\"cs.LG\"]}";

    @BeforeEach
    void bothTeamsHaveProfiles() {
        TeamProfileResourceTest.put("team-a", PROFILE, ADMIN).statusCode(200);
        TeamProfileResourceTest.put("team-b", PROFILE, ADMIN).statusCode(200);
    }

    private static ValidatableResponse read(String team, String token) {
        return given().header("Authorization", token).when().get("/api/teams/" + team + "/profile").then();
    }

    private static ValidatableResponse vote(String team, String token) {
        return given().contentType(ContentType.JSON).header("Authorization", token)
                .body("{\"paperId\": \"2611.99998\", \"vote\": \"up\"}")
                .when().post("/api/teams/" + team + "/profile/feedback").then();
    }

    @Test
    void aMemberOfTeamAReadsAndEditsItsOwnProfile() {
        read("team-a", TEAM_A_EDITOR).statusCode(200).body("team", equalTo("team-a"));
        TeamProfileResourceTest.put("team-a", "{\"categories\": [\"cs.CL\"]}", TEAM_A_EDITOR).statusCode(200)
                .body("categories[0]", equalTo("cs.CL"));
        vote("team-a", TEAM_A_EDITOR).statusCode(200);
    }

    @Test
    void aMemberOfTeamAIsRefusedTeamBsProfileWithAProblemNamingItsTeams() {
        read("team-b", TEAM_A_EDITOR).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("team 'team-b' is not one of yours; you may use team-a"));
        TeamProfileResourceTest.put("team-b", "{\"categories\": [\"cs.CL\"]}", TEAM_A_EDITOR).statusCode(403)
                .body("detail", containsString("you may use team-a"));
        int upBefore = read("team-b", ADMIN).extract().path("feedback.up");
        vote("team-b", TEAM_A_EDITOR).statusCode(403);
        read("team-b", ADMIN).statusCode(200).body("categories[0]", equalTo("cs.LG"))
                .body("feedback.up", equalTo(upBefore));
    }

    @Test
    void aTokenForTwoTeamsReadsBothAndNoOther() {
        read("team-a", TEAM_AC_VIEWER).statusCode(200);
        read("team-b", TEAM_AC_VIEWER).statusCode(403).body("detail", containsString("you may use team-a, team-c"));
        // a viewer still cannot write, in its own team either
        TeamProfileResourceTest.put("team-a", PROFILE, TEAM_AC_VIEWER).statusCode(403);
    }

    @Test
    void anEveryTeamTokenAndTheAdminKeepFullAccess() {
        read("team-b", EVERY_TEAM_EDITOR).statusCode(200);
        TeamProfileResourceTest.put("team-b", "{\"categories\": [\"cs.AI\"]}", EVERY_TEAM_EDITOR).statusCode(200);
        vote("team-b", EVERY_TEAM_EDITOR).statusCode(200);
        read("team-a", ADMIN).statusCode(200);
        vote("team-a", ADMIN).statusCode(200);
    }

    @Test
    void explainingAScoreForAnotherTeamIsRefusedToo() {
        String body = "{\"title\": \"FlashAttention\", \"abstract\": \"fast attention\", \"categories\": [\"cs.LG\"],"
                + " \"monthsSincePublication\": 2, \"team\": \"%s\"}";
        given().contentType(ContentType.JSON).header("Authorization", TEAM_A_EDITOR).body(body.formatted("team-b"))
                .when().post("/api/score").then().statusCode(403).body("detail", containsString("team-b"));
        given().contentType(ContentType.JSON).header("Authorization", TEAM_A_EDITOR).body(body.formatted("team-a"))
                .when().post("/api/score").then().statusCode(200);
    }
}
