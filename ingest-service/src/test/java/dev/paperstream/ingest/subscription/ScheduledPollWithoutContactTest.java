package dev.paperstream.ingest.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.ingest.arxiv.ArxivContact;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.arxiv.LogCapture;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests run, like a fresh installation, without PAPERSTREAM_ARXIV_CONTACT. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ScheduledPollWithoutContactTest {
    @Inject
    SubscriptionPoller poller;

    @Test
    void theScheduledPollDoesNotRunWithoutAnOperatorContactSaysWhyAndAnOnDemandPollStillRuns() {
        FakeArxiv.reset();
        // a fresh install follows the default subscriptions: this test wants only its own
        given().when().get("/api/subscriptions").then().statusCode(200).extract().jsonPath()
                .getList("id", Integer.class).forEach(existing -> given()
                        .header("Authorization", "Bearer test-editor-token")
                        .when().delete("/api/subscriptions/" + existing).then().statusCode(204));
        FakeArxiv.script("/rss/cs.DC", FakeArxiv.Reply.ok("application/rss+xml", FakeArxiv.resource("/rss/cs-lg-weekend-empty.xml")));
        int id = given().header("Authorization", "Bearer test-editor-token").contentType("application/json")
                .body(Map.of("team", "kernels", "kind", "category", "value", "cs.DC"))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
        try (LogCapture log = LogCapture.of(ArxivContact.class)) {
            poller.scheduled();

            assertThat(FakeArxiv.requests()).isEmpty();
            assertThat(log.messages()).containsExactly("the scheduled subscription poll does not run: "
                    + ArxivContact.MISSING);
        }
        JsonPath health = given().when().get("/q/health/group/arxiv").then().statusCode(503).extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'arxiv-contact' }.status")).isEqualTo("DOWN");
        assertThat(health.getString("checks.find { it.name == 'arxiv-contact' }.data.reason"))
                .contains("PAPERSTREAM_ARXIV_CONTACT");

        given().header("Authorization", "Bearer test-editor-token").when().post("/api/subscriptions/poll")
                .then().statusCode(200);
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).containsExactly("/rss/cs.DC");
        given().header("Authorization", "Bearer test-editor-token").when().delete("/api/subscriptions/" + id)
                .then().statusCode(204);
    }
}
