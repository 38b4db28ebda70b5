package dev.paperstream.priority.messaging;

import static dev.paperstream.priority.messaging.PaperDiscoveredConsumerTest.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.Topics;
import dev.paperstream.events.kafka.PaperDiscoveredDeserializer;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
 * The batch consumer handed one polled batch directly (a real PostgreSQL, a real broker for the dead
 * letters), so that the records are certainly in one batch: each must come out as it would alone. The records'
 * values are read as the channel reads them: the channel's deserializer inside SmallRye's wrapper, which leaves
 * a refused record without value and with the reason in its headers.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class PaperDiscoveredBatchTest {
    @Inject
    PaperDiscoveredConsumer consumer;

    private final List<ConsumerRecord<String, PaperDiscovered>> batch = new ArrayList<>();
    private final DeserializerWrapper<PaperDiscovered> deserializer = new DeserializerWrapper<>(
            PaperDiscoveredDeserializer.class.getName(), false, null, (failure, fatal) -> { }, false, false);

    private static String newId() {
        return "2612." + ThreadLocalRandom.current().nextInt(10000, 99999);
    }

    private static PaperDiscovered attentionPaper(String id, int version) {
        return paper(id, version, "Fused attention kernels for GPUs v" + version,
                "An IO-aware attention kernel for LLM inference on GPUs.", null, List.of("cs.LG"),
                Instant.now().minus(Duration.ofDays(10)));
    }

    private void add(String key, String json, String ceId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, EventType.PAPER_DISCOVERED.ceType().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8));
        PaperDiscovered value = deserializer.deserialize(Topics.PAPER_DISCOVERED, headers,
                json.getBytes(StandardCharsets.UTF_8));
        batch.add(new ConsumerRecord<>(Topics.PAPER_DISCOVERED, 0, batch.size(), ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, json.length(), key, value, headers,
                Optional.empty()));
    }

    private void consume() {
        consumer.on(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.PAPER_DISCOVERED, 0), List.copyOf(batch)),
                Map.of()));
        batch.clear();
    }

    private static List<Integer> publishedVersions(String id) {
        var response = given().get("/api/papers/{id}/scores", id);
        if (response.statusCode() == 404) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.team == 'default' }.version", Integer.class);
    }

    @Test
    void aRedeliveredEventInTheSameOrALaterBatchPublishesNothingNew() {
        String id = newId();
        String ceId = UUID.randomUUID().toString();
        String json = EventJson.write(attentionPaper(id, 1));
        add(id, json, ceId);
        add(id, json, ceId);
        consume();
        assertThat(publishedVersions(id)).containsExactly(1);

        add(id, json, ceId);
        add(id, json, UUID.randomUUID().toString());
        consume();
        assertThat(publishedVersions(id)).containsExactly(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsScored() {
        String before = newId();
        String broken = newId();
        String invalid = newId();
        String after = newId();
        add(before, EventJson.write(attentionPaper(before, 1)), UUID.randomUUID().toString());
        add(broken, "{\"id\":\"" + broken + "\",\"version\":1}", UUID.randomUUID().toString());
        add(invalid, EventJson.write(attentionPaper(invalid, 0)), UUID.randomUUID().toString());
        add(after, EventJson.write(attentionPaper(after, 1)), UUID.randomUUID().toString());
        consume();

        String dlq = Topics.deadLetter("priority", Topics.PAPER_DISCOVERED);
        assertThat(TestTopics.deadLetterReason(dlq, broken, Duration.ofSeconds(30))).contains("PaperDiscovered");
        assertThat(TestTopics.deadLetterReason(dlq, invalid, Duration.ofSeconds(30))).contains("version >= 1");
        assertThat(publishedVersions(before)).containsExactly(1);
        assertThat(publishedVersions(after)).containsExactly(1);
        assertThat(publishedVersions(broken)).isEmpty();
    }

    @Test
    void twoVersionsOfOnePaperInOneBatchStoreTheNewestWhicheverComesFirst() {
        String id = newId();
        add(id, EventJson.write(attentionPaper(id, 2)), UUID.randomUUID().toString());
        add(id, EventJson.write(attentionPaper(id, 1)), UUID.randomUUID().toString());
        add(id, EventJson.write(attentionPaper(id, 3)), UUID.randomUUID().toString());
        consume();
        assertThat(publishedVersions(id)).containsExactly(3);

        // an older version in a later batch changes nothing
        add(id, EventJson.write(attentionPaper(id, 2)), UUID.randomUUID().toString());
        consume();
        assertThat(publishedVersions(id)).containsExactly(3);
    }
}
