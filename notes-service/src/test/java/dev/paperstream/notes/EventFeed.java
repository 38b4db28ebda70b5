package dev.paperstream.notes;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperSource;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes events to the test broker the way the other services do: CloudEvents headers, JSON payload. */
public final class EventFeed implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    public EventFeed() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** Publishes the payload with a fresh ce_id and returns that id. */
    public String publish(String key, Object payload) {
        return publish(UUID.randomUUID().toString(), key, payload);
    }

    /** Publishes with the given ce_id: the same id again is a redelivery. */
    public String publish(String eventId, String key, Object payload) {
        return publishRaw(eventId, EventType.ofPayload(payload), key, EventJson.write(payload));
    }

    public String publishRaw(String eventId, EventType type, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, json);
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + type.topic(), e.getCause());
        }
        return eventId;
    }

    @Override
    public void close() {
        producer.close();
    }

    public static PaperDiscovered paper(String id, int version, String title, String summary, Instant published) {
        return new PaperDiscovered(id, version, title, List.of("Ada Lovelace", "Alan Turing"), summary,
                List.of("cs.LG", "cs.AI"), "cs.LG", published, published.plusSeconds(86_400L * (version - 1)),
                "12 pages", null, null,
                new PaperLinks("https://arxiv.org/abs/" + id + "v" + version,
                        "https://arxiv.org/pdf/" + id + "v" + version, List.of("https://github.com/example/" + id)),
                PaperSource.API);
    }

    public static PaperScored score(String id, int version, String team, int score, PaperType type) {
        return new PaperScored(id, version, team, score, Priority.ofScore(score), type, 3, true, 120, 4.0,
                List.of("type " + type + ": +2", "relevance 3/5: +3"), Instant.parse("2026-11-20T10:00:00Z"));
    }

    public static BenchmarkCompleted benchmark(String jobId, String paperId, Instant completedAt) {
        return new BenchmarkCompleted(jobId, BenchmarkCompleted.COMPLETED,
                new BenchmarkCompleted.DeviceInfo("cpu", "Test CPU", null, null),
                List.of(new BenchmarkCompleted.Result("naive", "cpu", 1, 2, 256, 64, false, "fp32", 3.5, 3.1, 4.2,
                        0.01, 1.5, 1_048_576L, 1.0e-6, true)),
                paperId, null, null, completedAt);
    }
}
