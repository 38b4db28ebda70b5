package dev.paperstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.embedded.EmbeddedKafkaBroker;
import dev.paperstream.embedded.FreePorts;
import dev.paperstream.embedded.PostgresServer;
import dev.paperstream.testkit.TestTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./paperstream dead-letters} against a real notes-service (its packaged app, on a real broker and
 * PostgreSQL): lists what the service dead-lettered with the reason, replays one, and a second replay of
 * the same one publishes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterCommandTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private final String token = SystemSettings.generateToken();
    private EmbeddedKafkaBroker broker;
    private PostgresServer postgres;
    private ServiceProcess notes;

    @BeforeAll
    void startNotes(@TempDir Path tmp) {
        broker = EmbeddedKafkaBroker.startEphemeral();
        postgres = PostgresServer.startForTest();
        notes = new ServiceProcess(Service.NOTES, FreePorts.find(), Service.NOTES.runnableJar(ROOT),
                tmp.resolve("notes-service.log"), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME", postgres.user(),
                        "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                        "PAPERSTREAM_ADMIN_TOKEN", token));
        notes.start();
        notes.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    void stopNotes() {
        if (notes != null) {
            notes.stop(Duration.ofSeconds(10));
        }
        if (postgres != null) {
            postgres.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private record Run(int status, String output) {
    }

    private Run cli(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new DeadLetterCommand(Map.of("PAPERSTREAM_ADMIN_TOKEN", token, "PAPERSTREAM_NOTES_URL",
                notes.baseUrl()), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(List.of(args));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private void publish(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAdminListsDeadLettersWithTheirReasonAndReplaysOneOnceFromTheCommandLine() {
        String broken = "2612.9" + ThreadLocalRandom.current().nextInt(1000, 9999);
        publish("paper.discovered", broken, "{\"id\":\"" + broken + "\"", Map.of("ce_id", "broken-" + broken,
                "ce_type", "paperstream.paper.discovered.v1", "ce_specversion", "1.0"));
        // a valid event an earlier release dead-lettered while PostgreSQL was away
        String lost = "2612.8" + ThreadLocalRandom.current().nextInt(1000, 9999);
        publish("dlq.notes.paper.discovered", lost, paperJson(lost), Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", "paperstream.paper.discovered.v1", "ce_specversion", "1.0",
                "dead-letter-reason", "cannot record processed events: Connection to localhost:5432 refused",
                "dead-letter-topic", "paper.discovered", "dead-letter-partition", "0", "dead-letter-offset", "41"));

        await().atMost(Duration.ofSeconds(60)).until(() -> cli("list", "notes").output().contains("key " + broken));
        Run listed = cli("list", "notes", "--channel", "paper-discovered");
        assertThat(listed.status()).isZero();
        assertThat(listed.output()).contains("notes-service: 2 dead letters")
                .contains("key " + broken + "  from paper.discovered/")
                .contains("reason: cannot record processed events: Connection to localhost:5432 refused");
        Matcher where = Pattern.compile("(dlq\\.notes\\.paper\\.discovered/\\d+/\\d+)  \\S+  key " + Pattern.quote(lost))
                .matcher(listed.output());
        assertThat(where.find()).as(listed.output()).isTrue();

        Run replayed = cli("replay", "notes", where.group(1));
        assertThat(replayed.output()).contains("notes-service: replayed 1, already replayed before 0");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                new ApiClient(token).get(notes.baseUrl() + "/api/papers/" + lost).status() == 200);
        Run again = cli("replay", "notes", where.group(1));
        assertThat(again.status()).isZero();
        assertThat(again.output()).contains("replayed 0, already replayed before 1");
        assertThat(cli("list", "notes").output()).containsPattern("key " + Pattern.quote(lost) + ".*  replayed ");
    }

    @Test
    void aWrongCommandLineOrAnUnknownChannelSaysWhatIsWrong() {
        Run unknownService = cli("replay", "billing", "paper-scored");
        assertThat(unknownService.status()).isEqualTo(2);
        assertThat(unknownService.output()).contains("unknown service 'billing'").contains("usage:");
        Run unknownChannel = cli("replay", "notes", "nope");
        assertThat(unknownChannel.status()).isEqualTo(1);
        assertThat(unknownChannel.output()).contains("notes-service: HTTP 400: unknown channel 'nope'");
        Run noToken = new Run(new DeadLetterCommand(Map.of(), new PrintStream(new ByteArrayOutputStream())).run(
                List.of("list")), "");
        assertThat(noToken.status()).isEqualTo(2);
    }

    private static String paperJson(String id) {
        return "{\"id\":\"" + id + "\",\"version\":1,\"title\":\"Lost in an outage\",\"authors\":[\"Ada Lovelace\"],"
                + "\"abstract\":\"a\",\"categories\":[\"cs.LG\"],\"primaryCategory\":\"cs.LG\","
                + "\"published\":\"2026-11-02T18:00:00Z\",\"updated\":\"2026-11-02T18:00:00Z\","
                + "\"links\":{\"abs\":\"https://arxiv.org/abs/" + id + "v1\",\"pdf\":\"https://arxiv.org/pdf/" + id
                + "v1\"},\"source\":\"api\"}";
    }
}
