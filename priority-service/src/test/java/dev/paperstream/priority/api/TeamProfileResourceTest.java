package dev.paperstream.priority.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class TeamProfileResourceTest {
    static final String EDITOR = "Bearer test-editor-token";

    static ValidatableResponse put(String team, String body, String token) {
        var req = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            req = req.header("Authorization", token);
        }
        return req.when().put("/api/teams/" + team + "/profile").then();
    }

    @Test
    void theDefaultTeamMatchesEveryPaperWithTheConfiguredKeywords() {
        given().when().get("/api/teams/default/profile").then().statusCode(200)
                .body("team", equalTo("default"))
                .body("matchAll", equalTo(true))
                .body("terms", hasSize(17))
                .body("terms.term", hasItem("mixture of experts"))
                .body("relevanceModel", startsWith("profile terms"));
    }

    @Test
    void anEditorCreatesAProfileAndAnyoneReadsIt() {
        put("gpu-kernels", """
                {"categories": ["cs.DC", "cs.PF"], "terms": [{"term": "FlashAttention", "weight": 3},
                 {"term": "survey", "weight": -2}], "seedPapers": ["2205.14135"]}""", EDITOR)
                .statusCode(200)
                .body("team", equalTo("gpu-kernels"))
                .body("matchAll", equalTo(false))
                .body("terms[0].weight", equalTo(3.0f));
        given().when().get("/api/teams/gpu-kernels/profile").then().statusCode(200)
                .body("categories", hasSize(2))
                .body("seedPapers[0]", equalTo("2205.14135"))
                .body("feedback.up", equalTo(0));
    }

    @Test
    void writingAProfileNeedsAnEditor() {
        String body = "{\"categories\": [\"cs.LG\"]}";
        put("readers", body, null).statusCode(401);
        put("readers", body, "Bearer test-viewer-token").statusCode(403);
        put("readers", body, "Bearer test-admin-token").statusCode(200);
    }

    @Test
    void weightsOutsideMinusFiveToFiveOrZeroAreRejected() {
        put("bad", "{\"terms\": [{\"term\": \"gpu\", \"weight\": 7}]}", EDITOR)
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("weight"));
        put("bad", "{\"terms\": [{\"term\": \"gpu\", \"weight\": 0}]}", EDITOR)
                .statusCode(400).body("detail", containsString("non-zero"));
        put("bad", "{\"terms\": [{\"term\": \"gpu\"}]}", EDITOR)
                .statusCode(400).body("detail", containsString("weight"));
    }

    @Test
    void unknownCategoriesAreRejectedByName() {
        put("bad", "{\"categories\": [\"cs.LG\", \"cs.XX\", \"astro\"]}", EDITOR)
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("[cs.XX, astro]"));
    }

    @Test
    void aProfileThatCouldNeverMatchIsRejected() {
        put("bad", "{\"terms\": [{\"term\": \"survey\", \"weight\": -1}]}", EDITOR)
                .statusCode(400).body("detail", containsString("no paper would ever match"));
    }

    @Test
    void oversizedProfilesAreRejected() {
        put("big", "{\"categories\": [\"cs.LG\"], \"terms\": [" + "{\"term\": \"gpu\", \"weight\": 1},".repeat(3000)
                + "{\"term\": \"cuda\", \"weight\": 1}]}", EDITOR)
                .statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("over the limit"));
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            terms.append(i == 0 ? "" : ",").append("{\"term\": \"t").append(i).append("\", \"weight\": 1}");
        }
        put("big", "{\"terms\": [" + terms + "]}", EDITOR).statusCode(400)
                .body("detail", containsString("terms"));
    }

    @Test
    void badSeedPapersAndTeamNamesAreRejected() {
        put("bad", "{\"categories\": [\"cs.LG\"], \"seedPapers\": [\"2205.14135v2\"]}", EDITOR)
                .statusCode(400).body("detail", containsString("arXiv id"));
        put("Bad%20Team", "{\"categories\": [\"cs.LG\"]}", EDITOR)
                .statusCode(400).body("detail", containsString("team name"));
    }

    @Test
    void votesAreCountedAndAVoteOnAnUnknownTeamIsNotFound() {
        put("voters", "{\"matchAll\": true}", EDITOR).statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", EDITOR)
                .body("{\"paperId\": \"2611.99999\", \"vote\": \"up\"}")
                .when().post("/api/teams/voters/profile/feedback").then().statusCode(200)
                .body("feedback.up", equalTo(1))
                .body("feedback.withoutText", equalTo(1));
        given().contentType(ContentType.JSON).header("Authorization", EDITOR)
                .body("{\"paperId\": \"2611.99999\", \"vote\": \"sideways\"}")
                .when().post("/api/teams/voters/profile/feedback").then().statusCode(400)
                .body("detail", containsString("'up', 'down' or 'not-relevant'"));
        given().contentType(ContentType.JSON).header("Authorization", EDITOR)
                .body("{\"paperId\": \"2611.99999\", \"vote\": \"up\"}")
                .when().post("/api/teams/nobody/profile/feedback").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"paperId\": \"2611.99999\", \"vote\": \"up\"}")
                .when().post("/api/teams/voters/profile/feedback").then().statusCode(401);
    }
}
