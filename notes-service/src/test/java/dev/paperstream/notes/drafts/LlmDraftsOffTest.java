package dev.paperstream.notes.drafts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Out of the box nothing is sent to any model. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class LlmDraftsOffTest {

    @Test
    void draftsAreOffUntilTheOperatorTurnsThemOn() {
        given().header("Authorization", LlmDraftsTest.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "pass1"))
                .post("/api/papers/2611.30100/drafts").then().statusCode(409)
                .body("detail", containsString("LLM drafts are off: set paperstream.drafts.enabled=true"));
        given().get("/api/teams/kernels/drafts/usage").then().statusCode(200)
                .body("enabled", equalTo(false)).body("spentToday", equalTo(0));
    }
}
