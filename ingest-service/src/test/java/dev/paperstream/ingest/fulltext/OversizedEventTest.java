package dev.paperstream.ingest.fulltext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.Topics;
import dev.paperstream.support.outbox.Outbox;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A paper.parsed event the broker refuses (a full text larger than the topic's max.message.bytes, or than the
 * relay's own max.request.size) is parked with the reason; the events behind it, of other papers and of the same
 * paper, are published; health and the metric say so; an admin re-queues it once the topic's limit is raised,
 * or discards it.
 */
@QuarkusTest
@TestProfile(OversizedEventTest.FourMegabyteProducer.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class OversizedEventTest {
    private static final String ADMIN = "test-admin-token";
    private static final int MB = 1 << 20;

    /** The relay may send 4 MB, the topic takes 1 MB: the broker itself refuses a 2 MB event, the relay a 5 MB one. */
    public static class FourMegabyteProducer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.outbox.producer.max-request-size", String.valueOf(4 * MB));
        }
    }

    @Inject
    Outbox outbox;

    @Test
    void aRefusedEventIsParkedWithItsReasonAndEverythingBehindItIsPublished() throws Exception {
        setTopicLimit(MB);
        Random random = new Random(7);
        PaperParsed before = parsed("2611.00001", "small", 1);
        PaperParsed twoMegabytes = parsed("2611.00002", incompressible(random, 2 * MB), 1);
        PaperParsed fiveMegabytes = parsed("2611.00003", incompressible(random, 5 * MB), 1);
        PaperParsed samePaperLater = parsed("2611.00002", "small", 2);
        PaperParsed after = parsed("2611.00004", "small", 1);
        Map<String, String> ids = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            ids.put("before", outbox.add(before.id(), before));
            ids.put("two", outbox.add(twoMegabytes.id(), twoMegabytes));
            ids.put("five", outbox.add(fiveMegabytes.id(), fiveMegabytes));
            ids.put("samePaperLater", outbox.add(samePaperLater.id(), samePaperLater));
            ids.put("after", outbox.add(after.id(), after));
        });

        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_PARSED)) {
            Set<String> published = awaitPublished(consumer,
                    Set.of(ids.get("before"), ids.get("samePaperLater"), ids.get("after")));
            assertThat(published).doesNotContain(ids.get("two"), ids.get("five"));

            // the relay parks them when the broker has answered for the whole batch, which may be after the
            // small events were delivered
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> parkedListing().getInt("parked") == 2);
            JsonPath listing = parkedListing();
            assertThat(listing.getList("events.eventId")).containsExactlyInAnyOrder(ids.get("two"), ids.get("five"));
            assertThat(reasonOf(listing, ids.get("two"))).startsWith("RecordTooLargeException")
                    .contains("larger than the max message size the server will accept");
            assertThat(reasonOf(listing, ids.get("five"))).startsWith("RecordTooLargeException")
                    .contains("max.request.size");
            assertThat(listing.getString("events.find { it.eventId == '" + ids.get("two") + "' }.key"))
                    .isEqualTo("2611.00002");
            assertThat(listing.getLong("events.find { it.eventId == '" + ids.get("two") + "' }.payloadBytes"))
                    .isGreaterThan(2L * MB);

            given().get("/q/health/group/outbox").then().statusCode(503)
                    .body("checks.find { it.name == 'outbox-parked' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'outbox-parked' }.data.parked", equalTo(2))
                    .body("checks.find { it.name == 'outbox-parked' }.data.reason", containsString("RecordTooLarge"));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.data.parked", equalTo(2));
            assertThat(parkedGauge()).isEqualTo(2.0);

            setTopicLimit(4 * MB);
            given().auth().oauth2(ADMIN).post("/api/admin/outbox/parked/" + ids.get("two") + "/requeue")
                    .then().statusCode(200).body("eventId", equalTo(ids.get("two")));
            ConsumerRecord<String, String> requeued = awaitRecord(consumer, ids.get("two"));
            assertThat(requeued.key()).isEqualTo("2611.00002");
            assertThat(requeued.value().length()).isGreaterThan(2 * MB);

            given().auth().oauth2(ADMIN).delete("/api/admin/outbox/parked/" + ids.get("five"))
                    .then().statusCode(200).body("eventId", equalTo(ids.get("five")));
        }
        given().auth().oauth2(ADMIN).get("/api/admin/outbox/parked").then().statusCode(200).body("parked", equalTo(0));
        given().get("/q/health/group/outbox").then().statusCode(200);
        assertThat(parkedGauge()).isEqualTo(0.0);
    }

    @Test
    void onlyAnAdminSeesOrRequeuesParkedEventsAndAnUnknownIdIsAProblem() {
        given().auth().oauth2("test-editor-token").get("/api/admin/outbox/parked").then().statusCode(403);
        given().auth().oauth2("test-editor-token").post("/api/admin/outbox/parked/x/requeue").then().statusCode(403);
        given().get("/api/admin/outbox/parked").then().statusCode(401);
        given().auth().oauth2(ADMIN).post("/api/admin/outbox/parked/no-such-event/requeue").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no parked outbox event with id no-such-event"));
        given().auth().oauth2(ADMIN).queryParam("limit", 5000).get("/api/admin/outbox/parked").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limit must be between 1 and"));
    }

    private static PaperParsed parsed(String id, String text, int version) {
        return new PaperParsed(id, version, "embedded", List.of(new PaperParsed.Section("Introduction", text)),
                List.of(), List.of(), List.of(), 0, List.of(), false, false);
    }

    /** Random letters and digits: LZ4, which the relay compresses with, cannot shrink them below the limit. */
    private static String incompressible(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static JsonPath parkedListing() {
        return given().auth().oauth2(ADMIN).get("/api/admin/outbox/parked").then().statusCode(200).extract().jsonPath();
    }

    private static String reasonOf(JsonPath listing, String eventId) {
        return listing.getString("events.find { it.eventId == '" + eventId + "' }.reason");
    }

    private static Set<String> awaitPublished(KafkaConsumer<String, String> consumer, Set<String> expected) {
        Set<String> seen = new java.util.HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
            TestTopics.poll(consumer).forEach(r -> seen.add(TestTopics.header(r, CloudEventHeaders.ID)));
        }
        assertThat(seen).containsAll(expected);
        // what the relay would still publish of that batch has had the same time to arrive
        TestTopics.poll(consumer).forEach(r -> seen.add(TestTopics.header(r, CloudEventHeaders.ID)));
        return seen;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String ceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : TestTopics.poll(consumer)) {
                if (ceId.equals(TestTopics.header(r, CloudEventHeaders.ID))) {
                    return r;
                }
            }
        }
        throw new AssertionError("event " + ceId + " was not published within 60 s");
    }

    private static double parkedGauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^paperstream_outbox_parked_events(\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(m.find()).as("paperstream_outbox_parked_events in /q/metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    /** The topic's max.message.bytes, set explicitly so that the test does not depend on the broker's default. */
    private static void setTopicLimit(int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.bootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(Topics.PAPER_PARSED, 3, (short) 1))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PAPER_PARSED);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes)),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
    }
}
