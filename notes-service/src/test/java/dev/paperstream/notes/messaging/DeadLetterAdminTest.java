package dev.paperstream.notes.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.support.messaging.DeadLetters;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Admins list the service's dead letters with their reasons and replay them to their original topic. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DeadLetterAdminTest {
    private static final String ADMIN = "Bearer test-admin-token-long-enough";
    private static final Instant PUBLISHED = Instant.parse("2026-11-02T18:00:00Z");

    @Inject
    DeadLetters deadLetters;

    private static String newId() {
        return "2612.8" + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    private static Map<String, Object> deadLetter(String channel, String key) {
        List<Map<String, Object>> found = given().header("Authorization", ADMIN).queryParam("channel", channel)
                .queryParam("limit", 500).get("/api/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                .getList("deadLetters");
        return found.stream().filter(d -> key.equals(d.get("key"))).findFirst().orElse(null);
    }

    @Test
    void aMalformedRecordIsListedWithItsReasonAndOrigin() {
        String id = newId();
        TestTopics.send(EventType.PAPER_DISCOVERED, id, "{\"id\":\"" + id + "\"", "broken-" + id);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter("paper-discovered", id) != null);
        Map<String, Object> dead = deadLetter("paper-discovered", id);
        assertThat(dead.get("topic")).isEqualTo("dlq.notes.paper.discovered");
        assertThat(dead.get("originalTopic")).isEqualTo("paper.discovered");
        assertThat(dead.get("originalOffset")).isNotNull();
        assertThat((String) dead.get("reason")).isNotBlank();
        assertThat(dead.get("payload")).isEqualTo("{\"id\":\"" + id + "\"");
        assertThat(dead.get("replayedAt")).isNull();
        given().get("/api/papers/" + id).then().statusCode(404);
    }

    @Test
    void aPaperDeadLetteredForADatabaseOutageByAnEarlierReleaseIsStoredOnceWhenReplayedTwice() {
        // what releases before transient retries wrote when PostgreSQL was away: a valid event, dead-lettered
        String id = newId();
        ConsumerRecord<String, String> original = new ConsumerRecord<>("paper.discovered", 0, 4_000_000L + Math.abs(
                id.hashCode() % 1000), id, EventJson.write(EventFeed.paper(id, 1, "Lost in an outage", "a", PUBLISHED)));
        original.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        original.headers().add(CloudEventHeaders.TYPE, EventType.PAPER_DISCOVERED.ceType().getBytes(StandardCharsets.UTF_8));
        original.headers().add(CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8));
        deadLetters.send("paper-discovered", original, new IllegalStateException("cannot record processed events",
                new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        Map<String, Object> dead = deadLetter("paper-discovered", id);
        assertThat((String) dead.get("cause")).contains("refused");

        JsonPath first = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("topic", dead.get("topic"), "partition", dead.get("partition"), "offset", dead.get("offset")))
                .post("/api/admin/dead-letters/replay").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("replayed")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers/" + id).statusCode() == 200);

        JsonPath second = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("channel", "paper-discovered")).post("/api/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getInt("alreadyReplayed")).isGreaterThanOrEqualTo(1);
        assertThat(deadLetter("paper-discovered", id).get("replayedAt")).isNotNull();
        given().get("/api/papers/" + id).then().statusCode(200).body("title", equalTo("Lost in an outage"))
                .body("version", equalTo(1));
    }

    @Test
    void deadLettersAreForAdminsOnly() {
        given().get("/api/admin/dead-letters").then().statusCode(401);
        given().header("Authorization", "Bearer test-editor-token-long-enough").get("/api/admin/dead-letters")
                .then().statusCode(403);
        given().header("Authorization", ADMIN).get("/api/admin/dead-letters").then().statusCode(200)
                .body("channels.'paper-scored'", equalTo("dlq.notes.paper.scored"));
    }

    @Test
    void badListingAndReplayRequestsAreProblemsThatSayWhatIsWrong() {
        given().header("Authorization", ADMIN).queryParam("limit", 501).get("/api/admin/dead-letters").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("between 1 and 500"));
        given().header("Authorization", ADMIN).queryParam("channel", "nope").get("/api/admin/dead-letters").then()
                .statusCode(400).body("detail", containsString("unknown channel 'nope'"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("topic", "paper.scored"))
                .post("/api/admin/dead-letters/replay").then().statusCode(400)
                .body("detail", containsString("topic, partition and offset"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("topic", "paper.scored", "partition", 0, "offset", 0))
                .post("/api/admin/dead-letters/replay").then().statusCode(400)
                .body("detail", containsString("not a dead-letter topic"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("topic", "dlq.notes.paper.scored", "partition", 0, "offset", 9_999_999))
                .post("/api/admin/dead-letters/replay").then().statusCode(404).contentType("application/problem+json");
    }
}
