package dev.paperstream.priority.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ScoreResourceTest {

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/score").then();
    }

    @Test
    void theFlashAttentionReferenceCaseIsHighNine() {
        post("""
                {"title": "FlashAttention", "paperType": "OPTIMIZATION", "citations": 500,
                 "monthsSincePublication": 12, "hasCode": true, "relevance": 5}""")
                .statusCode(200)
                .body("priority", equalTo("HIGH"))
                .body("score", equalTo(9))
                .body("paperType", equalTo("OPTIMIZATION"))
                .body("factors", hasSize(4))
                .body("factors.factor", contains("code", "citations", "type", "relevance"))
                .body("factors.points", contains(0, 2, 2, 5))
                .body("factors[1].reason", equalTo("citations: 500 in 12 months = 41.66/month (> 20): +2"));
    }

    @Test
    void theTheoreticalReferenceCaseIsLowTwo() {
        post("""
                {"paperType": "theoretical", "citations": 15, "monthsSincePublication": 24,
                 "hasCode": false, "relevance": 2}""")
                .statusCode(200)
                .body("priority", equalTo("LOW"))
                .body("score", equalTo(2))
                .body("factors.points", contains(0, 0, 0, 2));
    }

    @Test
    void aPaperWithoutOverridesIsExplainedFromItsText() {
        String published = Instant.now().minus(Duration.ofDays(10)).toString();
        post("""
                {"title": "Fused attention kernels for GPUs",
                 "abstract": "An IO-aware attention kernel gives a 3x speedup for LLM inference on GPUs.",
                 "comment": "Code: https://github.com/example/fused-attn",
                 "categories": ["cs.LG"], "published": "%s",
                 "links": {"abs": "https://arxiv.org/abs/2611.00002", "code": []}}""".formatted(published))
                .statusCode(200)
                .body("priority", equalTo("HIGH"))
                .body("hasCode", equalTo(true))
                .body("citations", nullValue())
                .body("relevance", equalTo(5))
                .body("factors[0].reason", startsWith("code: github.com/example/fused-attn found in comment, 0.32"))
                .body("factors[1].reason", equalTo("citations: unknown (not looked up for an explained paper): +0"))
                .body("factors[2].input", startsWith("OPTIMIZATION (p="));
    }

    @Test
    void relevanceOutsideOneToFiveIsABadRequest() {
        post("{\"monthsSincePublication\": 1, \"relevance\": 6}")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("relevance"));
        post("{\"monthsSincePublication\": 1, \"relevance\": 0}").statusCode(400);
    }

    @Test
    void negativeCitationsAreABadRequest() {
        post("{\"monthsSincePublication\": 1, \"citations\": -1}")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("citations"));
    }

    @Test
    void anUnknownPaperTypeIsABadRequestNamingTheTypes() {
        post("{\"monthsSincePublication\": 1, \"paperType\": \"SURVEY\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown paperType 'SURVEY'"))
                .body("detail", containsString("OPTIMIZATION"));
    }

    @Test
    void oversizedFieldsAreABadRequest() {
        post("{\"monthsSincePublication\": 1, \"title\": \"" + "x".repeat(1001) + "\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("title"));
        post("{\"monthsSincePublication\": 1, \"abstract\": \"" + "x".repeat(10_001) + "\"}")
                .statusCode(400).body("detail", containsString("abstract"));
    }

    @Test
    void withoutADateOrMonthsTheAgeIsUnknownAndThatIsABadRequest() {
        post("{\"title\": \"x\"}").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("published"));
    }

    @Test
    void anUnknownTeamIsNotFound() {
        post("{\"monthsSincePublication\": 1, \"team\": \"nobody\"}")
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nobody"));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        post("{not json").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theClassifierShowsTheWordsThatPushMostTowardEachType() {
        given().when().get("/api/paper-types").then().statusCode(200)
                .body("OPTIMIZATION", hasSize(15))
                .body("THEORETICAL[0]", org.hamcrest.Matchers.matchesPattern(".+ \\+\\d+\\.\\d\\d"))
                .body("OPTIMIZATION", org.hamcrest.Matchers.anyOf(hasItem(startsWith("memory ")),
                        hasItem(startsWith("speedup ")), hasItem(startsWith("faster ")), hasItem(startsWith("kernel "))))
                .body("THEORETICAL", org.hamcrest.Matchers.anyOf(hasItem(startsWith("prove ")),
                        hasItem(startsWith("bound ")), hasItem(startsWith("bounds ")), hasItem(startsWith("theorem "))));
    }
}
