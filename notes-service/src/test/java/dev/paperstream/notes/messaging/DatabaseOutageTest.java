package dev.paperstream.notes.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.support.messaging.TransientRetry;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresOutage;
import dev.paperstream.testkit.PostgresOutageResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away (every connection cut, new ones refused, through {@link PostgresOutage}) while events
 * arrive on the batch consumers (paper.discovered, paper.scored) and a single-record one (benchmark.completed):
 * they wait and are stored once it is back; nothing reaches a dead-letter topic.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.Outage.class)
class DatabaseOutageTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-02T18:00:00Z");
    private static final List<String> DEAD_LETTER_TOPICS = List.of("dlq.notes.paper.discovered",
            "dlq.notes.paper.scored", "dlq.notes.benchmark.completed");

    public static class Outage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class),
                    new TestResourceEntry(PostgresOutageResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // short pauses so the test sees several retries; the pool notices a dead server within seconds
            return Map.of("paperstream.messaging.retry.max-backoff", "PT2S",
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT3S");
        }
    }

    PostgresOutage outage;
    @Inject
    TransientRetry retry;

    @AfterEach
    void databaseBack() {
        outage.end();
    }

    private static String newId() {
        return "2612.7" + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    @Test
    void eventsArrivingWhilePostgresIsDownAreStoredOnceItIsBackAndNoneIsDeadLettered() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers").statusCode() == 200);
        Set<String> distinct = new HashSet<>();
        while (distinct.size() < 20) {
            distinct.add(newId());
        }
        List<String> ids = List.copyOf(distinct);
        String job = "outage-job-" + ThreadLocalRandom.current().nextInt(100_000);

        outage.begin();
        try (EventFeed feed = new EventFeed()) {
            for (String id : ids) {
                feed.publish(id, EventFeed.paper(id, 1, "During the outage " + id, "a", PUBLISHED));
                feed.publish(id, EventFeed.score(id, 1, "outage-team", 9, PaperType.OPTIMIZATION));
            }
            feed.publish(job, EventFeed.benchmark(job, ids.get(0), Instant.parse("2026-11-25T01:00:00Z")));
        }
        await("the consumers waiting out the outage").atMost(Duration.ofSeconds(30)).until(() ->
                retry.isWaiting("paper-discovered") && retry.isWaiting("benchmark-completed"));
        // several back-off rounds (0.5 s, 1 s, 2 s, 2 s ...) while the database stays away
        sleep(Duration.ofSeconds(6));
        assertThat(retry.isWaiting("paper-discovered")).isTrue();
        outage.end();

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> {
            var r = given().get("/api/papers/" + id);
            return r.statusCode() == 200 && r.jsonPath().getList("scores").size() == 1;
        }));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/benchmark-results").jsonPath().getList("jobId").contains(job));
        assertThat(given().get("/api/papers/" + ids.get(3)).jsonPath().getString("title"))
                .isEqualTo("During the outage " + ids.get(3));
        assertThat(given().queryParam("paperId", ids.get(0)).get("/api/benchmark-results").jsonPath()
                .getList("jobId")).containsExactly(job);
        assertThat(retry.isWaiting("paper-discovered")).isFalse();
        Set<String> keys = new HashSet<>(ids);
        keys.add(job);
        for (String topic : DEAD_LETTER_TOPICS) {
            assertThat(deadLetterKeys(topic)).as(topic).doesNotContainAnyElementsOf(keys);
        }
    }

    private static List<String> deadLetterKeys(String topic) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(topic)) {
            // four empty polls in a row: the topic is read to its end (or does not exist)
            for (int empty = 0; empty < 4; ) {
                List<ConsumerRecord<String, String>> polled = TestTopics.poll(consumer);
                empty = polled.isEmpty() ? empty + 1 : 0;
                polled.forEach(r -> keys.add(r.key()));
            }
        }
        return keys;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
