package dev.paperstream.ingest.api;

import static dev.paperstream.ingest.api.ImportResourceTest.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.Topics;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** A bulk import goes through the outbox in bundles of many events; each event must still arrive once, in order. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class BulkImportTest {
    private static final int PAPERS = 12_000;

    @Test
    void everyPaperOfALargeSnapshotArrivesOnceInFileOrderWithItsOwnEventId() {
        Random random = new Random();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < PAPERS; i++) {
            body.append("{\"id\":\"").append(id(i)).append("\",\"authors\":\"A. Author, B. Author\",\"title\":\"Paper ")
                    .append(i).append("\",\"abstract\":\"").append(words(random, 150))
                    .append("\",\"categories\":\"cs.LG\",\"versions\":[{\"version\":\"v1\",")
                    .append("\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"}]}\n");
        }
        editor().contentType("application/x-ndjson").body(body.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(PAPERS)).body("duplicates", equalTo(0));

        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < PAPERS; i++) {
            index.put(id(i), i);
        }
        List<ConsumerRecord<String, String>> ours = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_DISCOVERED)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ours.size() < PAPERS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (index.containsKey(r.key())) {
                        ours.add(r);
                    }
                }
            }
        }

        assertThat(ours).hasSize(PAPERS);
        Set<String> keys = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        Map<Integer, Integer> lastIndexPerPartition = new HashMap<>();
        for (ConsumerRecord<String, String> r : ours) {
            keys.add(r.key());
            eventIds.add(TestTopics.header(r, CloudEventHeaders.ID));
            assertThat(TestTopics.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(r.key());
            assertThat(TestTopics.header(r, CloudEventHeaders.TYPE)).isEqualTo("paperstream.paper.discovered.v1");
            assertThat(r.value()).contains("\"title\":\"Paper " + index.get(r.key()) + "\"");
            int previous = lastIndexPerPartition.getOrDefault(r.partition(), -1);
            assertThat(index.get(r.key())).as("order on partition %d", r.partition()).isGreaterThan(previous);
            lastIndexPerPartition.put(r.partition(), index.get(r.key()));
        }
        assertThat(keys).hasSize(PAPERS);
        assertThat(eventIds).hasSize(PAPERS);
    }

    private static String id(int i) {
        return "2512.%05d".formatted(i);
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : i % 12 == 0 ? "\\n" : " ");
            for (int j = 2 + random.nextInt(8); j > 0; j--) {
                b.append((char) ('a' + random.nextInt(26)));
            }
        }
        return b.toString();
    }
}
