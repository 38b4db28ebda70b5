package dev.paperstream.notes.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.kafka.PaperDiscoveredDeserializer;
import dev.paperstream.events.kafka.PaperScoredDeserializer;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.fault.DeserializerWrapper;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The batch consumers handed one polled batch directly (a real PostgreSQL; a real broker for the dead
 * letters), so that the records are certainly in one batch: each must come out as it would alone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class BatchConsumptionTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-02T18:00:00Z");

    @Inject
    PaperDiscoveredConsumer discovered;
    @Inject
    PaperScoredConsumer scored;

    private static String newId() {
        return "2612.6" + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    /** A record as the channel's deserializer hands it on: the payload read, or null with the refusal's headers. */
    @SuppressWarnings("unchecked")
    private static <T> ConsumerRecord<String, T> record(EventType type, String key, String json, String ceId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8));
        String deserializer = (type == EventType.PAPER_DISCOVERED ? PaperDiscoveredDeserializer.class
                : PaperScoredDeserializer.class).getName();
        T value = (T) new DeserializerWrapper<>(deserializer, false, null, (failure, fatal) -> { }, false, false)
                .deserialize(type.topic(), headers, json.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(type.topic(), 0, 0, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, json.length(), key, value, headers, Optional.empty());
    }

    private static <T> ConsumerRecord<String, T> record(Object payload, String key, String ceId) {
        EventType type = EventType.ofPayload(payload);
        return record(type, key, EventJson.write(payload), ceId);
    }

    @SafeVarargs
    private static <T> ConsumerRecords<String, T> batch(ConsumerRecord<String, T>... records) {
        List<ConsumerRecord<String, T>> numbered = new ArrayList<>();
        for (ConsumerRecord<String, T> r : records) {
            numbered.add(new ConsumerRecord<>(r.topic(), 0, numbered.size(), ConsumerRecord.NO_TIMESTAMP,
                    TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, r.key(),
                    r.value(), r.headers(), Optional.empty()));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(records[0].topic(), 0), numbered), Map.of());
    }

    private static JsonPath paper(String id) {
        return given().get("/api/papers/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aScoreRedeliveredInItsOwnBatchAndInALaterOneIsStoredOnce() {
        String id = newId();
        discovered.on(batch(record(EventFeed.paper(id, 1, "Batch redelivery", "a", PUBLISHED), id, UUID.randomUUID().toString())));
        String ceId = UUID.randomUUID().toString();
        PaperScored medium = EventFeed.score(id, 1, "batch-team", 5, PaperType.EMPIRICAL);
        scored.on(batch(record(medium, id, ceId), record(medium, id, ceId)));
        // the same ce_id with a HIGH score: a redelivery is skipped whatever it carries
        scored.on(batch(record(EventFeed.score(id, 1, "batch-team", 9, PaperType.OPTIMIZATION), id, ceId)));

        JsonPath p = paper(id);
        assertThat(p.getList("scores.priority")).containsExactly("MEDIUM");
        assertThat(p.getList("queue.team")).containsExactly("batch-team");
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsStored() {
        String before = newId();
        String broken = newId();
        String noTeam = newId();
        String after = newId();
        discovered.on(batch(record(EventFeed.paper(before, 1, "Before", "a", PUBLISHED), before, "d-" + before),
                record(EventType.PAPER_DISCOVERED, broken, "{\"id\":\"" + broken + "\"", "d-" + broken),
                record(EventFeed.paper(after, 1, "After", "b", PUBLISHED), after, "d-" + after)));
        scored.on(batch(record(EventFeed.score(before, 1, "batch-team", 9, PaperType.OPTIMIZATION), before, "s-" + before),
                record(EventFeed.score(noTeam, 1, " ", 5, PaperType.EMPIRICAL), noTeam, "s-" + noTeam),
                record(EventFeed.score(after, 1, "batch-team", 2, PaperType.THEORETICAL), after, "s-" + after)));

        assertThat(TestTopics.deadLetterReason("dlq.notes.paper.discovered", broken, Duration.ofSeconds(30)))
                .isNotBlank();
        assertThat(TestTopics.deadLetterReason("dlq.notes.paper.scored", noTeam, Duration.ofSeconds(30)))
                .contains("needs an id, a team");
        assertThat(paper(before).getList("scores.priority")).containsExactly("HIGH");
        assertThat(paper(after).getString("title")).isEqualTo("After");
        assertThat(paper(after).getList("scores.priority")).containsExactly("LOW");
        given().get("/api/papers/" + broken).then().statusCode(404);
    }

    @Test
    void twoVersionsOfOnePaperInOneBatchKeepTheNewestWhicheverComesFirst() {
        String id = newId();
        discovered.on(batch(record(EventFeed.paper(id, 2, "Second", "b", PUBLISHED), id, UUID.randomUUID().toString()),
                record(EventFeed.paper(id, 1, "First", "a", PUBLISHED), id, UUID.randomUUID().toString())));
        scored.on(batch(record(EventFeed.score(id, 2, "batch-team", 9, PaperType.OPTIMIZATION), id, UUID.randomUUID().toString()),
                record(EventFeed.score(id, 1, "batch-team", 2, PaperType.THEORETICAL), id, UUID.randomUUID().toString())));

        JsonPath p = paper(id);
        assertThat(p.getInt("version")).isEqualTo(2);
        assertThat(p.getString("title")).isEqualTo("Second");
        assertThat(p.getList("scores.version", Integer.class)).containsExactly(2);
        assertThat(p.getList("scores.priority")).containsExactly("HIGH");
    }
}
