package dev.paperstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.pdf.TestPdfs;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ScoredPaperConsumerTest {

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void publishScored(String id, int version, Priority priority) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        PaperScored scored = new PaperScored(id, version, "kernels", 8, priority, PaperType.OPTIMIZATION, 5, true,
                null, 1.0, List.of("test"), Instant.now());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("paper.scored", id, EventJson.write(scored));
            record.headers().add(CloudEventHeaders.TYPE, EventType.PAPER_SCORED.ceType().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    @Test
    void aHighPaperIsDownloadedFromArxivAndParsedWhileALowOneIsNot() throws Exception {
        FakeArxiv.script("/pdf/2511.00440v2", FakeArxiv.Reply.ok("application/pdf", TestPdfs.paper()));
        publishScored("2511.00440", 1, Priority.LOW);
        publishScored("2511.00440", 2, Priority.HIGH);

        PaperParsed parsed = EventJson.read(FullTextResourceTest.awaitParsed("2511.00440").value(), PaperParsed.class);

        assertThat(parsed.version()).isEqualTo(2);
        assertThat(parsed.parser()).startsWith("embedded pdfbox");
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).contains("/pdf/2511.00440v2")
                .doesNotContain("/pdf/2511.00440v1");
    }

    @Test
    void anHtmlPageInsteadOfAPdfGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        FakeArxiv.script("/pdf/2511.00442v1", FakeArxiv.Reply.ok("text/html",
                "<!DOCTYPE html><html><body>Too many requests</body></html>".getBytes(StandardCharsets.UTF_8)));
        publishScored("2511.00442", 1, Priority.MEDIUM);

        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("dlq.ingest.paper.scored"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> "2511.00442".equals(r.key()));
            });
        }
        ConsumerRecord<String, String> dead = seen.stream().filter(r -> "2511.00442".equals(r.key())).findFirst()
                .orElseThrow();
        Map<String, String> headers = new java.util.HashMap<>();
        dead.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers.get("dead-letter-reason")).contains("an HTML page");
    }
}
