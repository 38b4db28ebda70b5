package dev.paperstream.priority.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperSource;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.events.Topics;
import dev.paperstream.testkit.TestTopics;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class PaperDiscoveredConsumerTest {

    static PaperDiscovered paper(String id, int version, String title, String summary, String comment,
            List<String> categories, Instant published) {
        return new PaperDiscovered(id, version, title, List.of("A. Author"), summary, categories, categories.get(0),
                published, published, comment, null, null,
                new PaperLinks("https://arxiv.org/abs/" + id + "v" + version, "https://arxiv.org/pdf/" + id, List.of()),
                PaperSource.API);
    }

    private static List<PaperScored> scoredFor(KafkaConsumer<String, String> consumer, String id,
            List<PaperScored> seen) {
        for (ConsumerRecord<String, String> r : TestTopics.poll(consumer)) {
            if (id.equals(r.key()) && r.value().contains("\"team\":\"default\"")) {
                assertThat(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                        .isEqualTo(EventType.PAPER_SCORED.ceType());
                seen.add(EventJson.read(r.value(), PaperScored.class));
            }
        }
        return seen;
    }

    @Test
    void aDiscoveredAttentionKernelPaperIsScoredHighAndARedeliveryPublishesNothingNew() {
        String id = "2611." + (10000 + (int) (Math.random() * 89999));
        PaperDiscovered p = paper(id, 1, "Fused attention kernels for GPUs",
                "An IO-aware attention kernel gives a 3x speedup for LLM inference on GPUs with less memory. "
                        + "Code: https://github.com/example/fused-attn",
                "12 pages", List.of("cs.LG"), Instant.now().minus(Duration.ofDays(10)));
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_SCORED)) {
            String ceId = UUID.randomUUID().toString();
            TestTopics.send(EventType.PAPER_DISCOVERED, id, EventJson.write(p), ceId);
            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> !scoredFor(consumer, id, seen).isEmpty());
            PaperScored s = seen.get(0);
            assertThat(s.team()).isEqualTo("default");
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.priority()).isEqualTo(Priority.HIGH);
            assertThat(s.paperType()).isEqualTo(PaperType.OPTIMIZATION);
            assertThat(s.hasCode()).isTrue();
            assertThat(s.citations()).isNull();
            assertThat(s.reasons()).hasSize(4);
            assertThat(s.reasons().get(1)).contains("unknown");

            // the same event again, and the same paper version under a new event id: nothing new
            TestTopics.send(EventType.PAPER_DISCOVERED, id, EventJson.write(p), ceId);
            TestTopics.send(id, p);
            // version 2 has the same key, so it is consumed after both: once it is scored, they were skipped
            PaperDiscovered v2 = paper(id, 2, p.title(), p.summary(), p.comment(), p.categories(), p.published());
            TestTopics.send(id, v2);
            await().atMost(Duration.ofSeconds(30)).until(() -> scoredFor(consumer, id, seen).stream()
                    .anyMatch(e -> e.version() == 2));
            assertThat(seen).extracting(PaperScored::version).containsExactly(1, 2);
        }
        io.restassured.RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("paperstream_priority_published_total{priority=\"HIGH\",team=\"default\"}"));
    }

    @Test
    void aTheoreticalHepThPaperWithoutKeywordsIsLow() {
        String id = "hep-th/" + (1000000 + (int) (Math.random() * 8999999));
        PaperDiscovered p = paper(id, 1, "Entanglement wedges in de Sitter space",
                "We prove a theorem on horizon entropy and derive a lower bound.", "30 pages",
                List.of("hep-th"), Instant.now().minus(Duration.ofDays(400)));
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_SCORED)) {
            TestTopics.send(id, p);
            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> !scoredFor(consumer, id, seen).isEmpty());
            assertThat(seen.get(0).priority()).isEqualTo(Priority.LOW);
            assertThat(seen.get(0).paperType()).isEqualTo(PaperType.THEORETICAL);
            assertThat(seen.get(0).relevance()).isEqualTo(1);
            assertThat(seen.get(0).reasons()).contains("relevance: 1/5 (no profile term matched): +1");
        }
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithTheReason() {
        String id = "2611.00001";
        try (KafkaConsumer<String, String> dlq = TestTopics.consumer(Topics.deadLetter("priority", Topics.PAPER_DISCOVERED))) {
            TestTopics.send(EventType.PAPER_DISCOVERED, id, "{\"id\":\"2611.00001\",\"version\":1}",
                    UUID.randomUUID().toString());
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestTopics.poll(dlq).stream().filter(r -> id.equals(r.key())).forEach(dead::add);
                return !dead.isEmpty();
            });
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("PaperDiscovered");
        }
    }

    @Test
    void aParseOfAPaperNotYetDiscoveredIsKeptInTheDeadLetterTopicWithTheReason() {
        String id = "2611.09" + String.format("%03d", new java.util.Random().nextInt(1000));
        try (KafkaConsumer<String, String> dlq = TestTopics.consumer(Topics.deadLetter("priority", Topics.PAPER_PARSED))) {
            TestTopics.send(id, new dev.paperstream.events.PaperParsed(id, 1, "grobid 0.8.0",
                    List.of(), null, null, null, 3, List.of("https://github.com/example/early"), false, false));
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestTopics.poll(dlq).stream().filter(r -> id.equals(r.key())).forEach(dead::add);
                return !dead.isEmpty();
            });
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains(id).contains("before its paper.discovered");
            assertThat(dead.get(0).value()).contains("github.com/example/early");
        }
    }

    @Test
    void recordsTheDeserializerRefusesAreDeadLetteredWithTheReasonAndTheNextRecordIsScored() {
        String id = "2611.0" + String.format("%04d", new java.util.Random().nextInt(10000));
        PaperDiscovered good = paper(id, 1, "Fused attention kernels for GPUs", "An IO-aware attention kernel.",
                null, List.of("cs.LG"), Instant.now().minus(Duration.ofDays(10)));
        try (KafkaConsumer<String, String> dlq = TestTopics.consumer(Topics.deadLetter("priority", Topics.PAPER_DISCOVERED));
                KafkaConsumer<String, String> scored = TestTopics.consumer(Topics.PAPER_SCORED);
                TestTopics.Publisher publisher = new TestTopics.Publisher(TestTopics.bootstrapServers())) {
            // same key, so one partition: the good record comes after both refused ones
            publisher.publish(Topics.PAPER_DISCOVERED, id, EventJson.write(good), UUID.randomUUID().toString(),
                    EventType.PAPER_SCORED.ceType());
            publisher.publish(Topics.PAPER_DISCOVERED, id, "{\"id\": \"" + id + "\", \"version\": ", UUID.randomUUID().toString(),
                    EventType.PAPER_DISCOVERED.ceType());
            publisher.publish(UUID.randomUUID().toString(), id, good);

            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> !scoredFor(scored, id, seen).isEmpty());
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestTopics.poll(dlq).stream().filter(r -> id.equals(r.key())).forEach(dead::add);
                return dead.size() == 2;
            });
            assertThat(TestTopics.header(dead.get(0), "dead-letter-reason")).isEqualTo(
                    "paperstream.paper.discovered.v1 record on paper.discovered has ce_type paperstream.paper.scored.v1;"
                            + " expected paperstream.paper.discovered.v1");
            assertThat(dead.get(0).value()).isEqualTo(EventJson.write(good));
            assertThat(TestTopics.header(dead.get(1), "dead-letter-reason")).startsWith("PaperDiscovered: ");
            assertThat(dead.get(1).value()).isEqualTo("{\"id\": \"" + id + "\", \"version\": ");
            assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("deserialization-failure-data")).isNull());
        }
    }

    @Test
    void aParseOfAnotherTypeIsDeadLetteredAndTheNextParseIsConsumed() {
        String id = "2611.08" + String.format("%03d", new java.util.Random().nextInt(1000));
        dev.paperstream.events.PaperParsed parse = new dev.paperstream.events.PaperParsed(id, 1, "grobid 0.8.0",
                List.of(), null, null, null, 3, List.of(), false, false);
        try (KafkaConsumer<String, String> dlq = TestTopics.consumer(Topics.deadLetter("priority", Topics.PAPER_PARSED));
                TestTopics.Publisher publisher = new TestTopics.Publisher(TestTopics.bootstrapServers())) {
            publisher.publish(Topics.PAPER_PARSED, id, EventJson.write(parse), UUID.randomUUID().toString(),
                    "paperstream.paper.parsed.v2");
            publisher.publish(UUID.randomUUID().toString(), id, parse);
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestTopics.poll(dlq).stream().filter(r -> id.equals(r.key())).forEach(dead::add);
                return dead.size() == 2;
            });
            assertThat(TestTopics.header(dead.get(0), "dead-letter-reason"))
                    .contains("has ce_type paperstream.paper.parsed.v2 (a type this consumer does not know)");
            // the next record reached the consumer's own logic: a parse of a paper priority has not seen
            assertThat(TestTopics.header(dead.get(1), "dead-letter-reason")).contains("before its paper.discovered");
        }
    }
}
