package dev.paperstream.notes.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.TestTopics;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class PaperEventsTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-02T18:00:00Z");
    private static EventFeed feed;

    @BeforeAll
    static void connect() {
        feed = new EventFeed();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    private static JsonPath paper(String id) {
        return given().get("/api/papers/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitPaper(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers/" + id).statusCode() == 200);
    }

    @Test
    void aDiscoveredAndScoredPaperIsServedWithItsScoreAndReasons() {
        feed.publish("2611.00001", EventFeed.paper("2611.00001", 1, "Fast Attention", "We make attention fast.", PUBLISHED));
        feed.publish("2611.00001", EventFeed.score("2611.00001", 1, "vision", 9, PaperType.OPTIMIZATION));
        await().atMost(Duration.ofSeconds(30)).until(() -> paper("2611.00001").getList("scores").size() == 1);

        JsonPath p = paper("2611.00001");
        assertThat(p.getString("title")).isEqualTo("Fast Attention");
        assertThat(p.getString("abstract")).isEqualTo("We make attention fast.");
        assertThat(p.getList("authors")).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(p.getString("links.pdf")).isEqualTo("https://arxiv.org/pdf/2611.00001v1");
        assertThat(p.getString("scores[0].priority")).isEqualTo("HIGH");
        assertThat(p.getString("scores[0].paperType")).isEqualTo("OPTIMIZATION");
        assertThat(p.getList("scores[0].reasons")).hasSize(2);
        assertThat(p.getString("published")).isEqualTo("2026-11-02T18:00:00Z");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String eventId = feed.publish("2611.00002", EventFeed.paper("2611.00002", 1, "Original", "a", PUBLISHED));
        awaitPaper("2611.00002");
        // The same ce_id again, even with other content, is a redelivery and must be skipped.
        feed.publish(eventId, "2611.00002", EventFeed.paper("2611.00002", 1, "Changed", "b", PUBLISHED));
        String scoreId = feed.publish("2611.00002", EventFeed.score("2611.00002", 1, "nlp", 5, PaperType.EMPIRICAL));
        feed.publish(scoreId, "2611.00002", EventFeed.score("2611.00002", 1, "nlp", 5, PaperType.EMPIRICAL));
        feed.publish("2611.00002", EventFeed.paper("2611.00002", 1, "Original", "a", PUBLISHED));
        // A marker event after the redeliveries: once it is visible, the redeliveries were processed.
        feed.publish("2611.00099", EventFeed.paper("2611.00099", 1, "Marker", "m", PUBLISHED));
        awaitPaper("2611.00099");
        await().atMost(Duration.ofSeconds(30)).until(() -> paper("2611.00002").getList("scores").size() == 1);

        assertThat(paper("2611.00002").getString("title")).isEqualTo("Original");
        given().queryParam("team", "nlp").queryParam("q", "Original").get("/api/papers").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains("2611.00002"));
    }

    @Test
    void aScoreThatArrivesBeforeItsPaperIsKept() {
        feed.publish("2611.00003", EventFeed.score("2611.00003", 2, "robotics", 6, PaperType.ARCHITECTURE));
        // The queue shows stored scores even before their paper is known.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/papers/2611.00003/queue").jsonPath().getList("team").contains("robotics"));
        given().get("/api/papers/2611.00003").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));

        feed.publish("2611.00003", EventFeed.paper("2611.00003", 2, "Robots", "r", PUBLISHED));
        awaitPaper("2611.00003");
        JsonPath p = paper("2611.00003");
        assertThat(p.getList("scores")).hasSize(1);
        assertThat(p.getString("scores[0].priority")).isEqualTo("MEDIUM");
        assertThat(p.getInt("scores[0].version")).isEqualTo(2);
    }

    @Test
    void anOlderVersionArrivingLaterOverwritesNeitherPaperNorScore() {
        feed.publish("2611.00004", EventFeed.paper("2611.00004", 3, "Version three", "v3", PUBLISHED));
        feed.publish("2611.00004", EventFeed.score("2611.00004", 3, "vision", 8, PaperType.OPTIMIZATION));
        feed.publish("2611.00004", EventFeed.paper("2611.00004", 2, "Version two", "v2", PUBLISHED));
        feed.publish("2611.00004", EventFeed.score("2611.00004", 2, "vision", 1, PaperType.THEORETICAL));
        feed.publish("2611.00097", EventFeed.paper("2611.00097", 1, "Marker", "m", PUBLISHED));
        awaitPaper("2611.00097");
        await().atMost(Duration.ofSeconds(30)).until(() -> paper("2611.00004").getList("scores").size() == 1);

        JsonPath p = paper("2611.00004");
        assertThat(p.getInt("version")).isEqualTo(3);
        assertThat(p.getString("title")).isEqualTo("Version three");
        assertThat(p.getInt("scores[0].score")).isEqualTo(8);

        feed.publish("2611.00004", EventFeed.paper("2611.00004", 4, "Version four", "v4", PUBLISHED));
        await().atMost(Duration.ofSeconds(30)).until(() -> paper("2611.00004").getInt("version") == 4);
    }

    @Test
    void benchmarkResultsAreStoredOncePerJobAndAttachedToThePaper() {
        feed.publish("2611.00005", EventFeed.paper("2611.00005", 1, "Benchmarked", "b", PUBLISHED));
        String first = feed.publish("job-1", EventFeed.benchmark("job-1", "2611.00005", Instant.parse("2026-11-25T01:00:00Z")));
        feed.publish(first, "job-1", EventFeed.benchmark("job-1", "2611.00005", Instant.parse("2026-11-25T01:00:00Z")));
        feed.publish("job-1", EventFeed.benchmark("job-1", "2611.00005", Instant.parse("2026-11-25T01:00:00Z")));
        feed.publish("job-2", EventFeed.benchmark("job-2", "2611.00005", Instant.parse("2026-11-25T02:00:00Z")));
        feed.publish("job-3", EventFeed.benchmark("job-3", null, Instant.parse("2026-11-25T03:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/benchmark-results").jsonPath().getList("jobId").contains("job-3"));

        given().queryParam("paperId", "2611.00005").get("/api/benchmark-results").then().statusCode(200)
                .body("jobId", contains("job-2", "job-1"))
                .body("[0].device.name", equalTo("Test CPU"))
                .body("[0].results[0].variant", equalTo("naive"));
        awaitPaper("2611.00005");
        given().get("/api/papers/2611.00005").then().statusCode(200)
                .body("benchmarks", hasSize(2)).body("benchmarks[0].jobId", equalTo("job-2"))
                .body("benchmarks[1].results[0].seqLen", equalTo(256));
    }

    @Test
    void aPayloadThatBreaksTheContractGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        feed.publishRaw("broken-1", EventType.PAPER_DISCOVERED, "2611.00006", "{\"id\":\"2611.00006\"}");
        feed.publish("2611.00007", EventFeed.paper("2611.00007", 1, "After the broken one", "x", PUBLISHED));
        awaitPaper("2611.00007");
        given().get("/api/papers/2611.00006").then().statusCode(404);
        assertThat(TestTopics.deadLetterReason("dlq.notes.paper.discovered", "2611.00006", Duration.ofSeconds(30)))
                .contains("version");
    }
}
