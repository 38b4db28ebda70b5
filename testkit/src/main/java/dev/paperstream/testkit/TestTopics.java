package dev.paperstream.testkit;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain Kafka clients on the test broker, used the way the other services and an operator use the topics:
 * events go out with CloudEvents headers and a JSON body, topics are read from the beginning in a fresh
 * group, dead letters are found by key. The broker is the one the service under test is configured with
 * ({@code kafka.bootstrap.servers}).
 */
public final class TestTopics {
    private TestTopics() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes the payload with a fresh ce_id and waits for the broker's acknowledgement; returns the ce_id. */
    public static String send(String key, Object payload) {
        try (Publisher p = new Publisher(bootstrapServers())) {
            return p.publish(key, payload);
        }
    }

    /** Publishes a body as given (it may be broken on purpose) with the type's headers and this ce_id. */
    public static String send(EventType type, String key, String json, String ceId) {
        try (Publisher p = new Publisher(bootstrapServers())) {
            return p.publish(type.topic(), key, json, ceId, type.ceType());
        }
    }

    /** A consumer in a fresh group that reads {@code topic} from the beginning. */
    public static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // a topic the service creates only later (a dead-letter topic) is found within half a second
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls once for half a second and returns what arrived. */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        return out;
    }

    /** Waits up to {@code timeout} for a dead letter with this key on {@code topic}; returns its reason header. */
    public static String deadLetterReason(String topic, String key, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = r.headers().lastHeader("dead-letter-reason");
                    if (key.equals(r.key()) && reason != null) {
                        return new String(reason.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("no dead letter with key " + key + " on " + topic + " within " + timeout);
    }

    /** The value of a header, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** One producer for many events: benchmarks and tests that publish in bulk. */
    public static final class Publisher implements AutoCloseable {
        private final KafkaProducer<String, String> producer;

        public Publisher(String bootstrapServers) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }

        public String publish(String key, Object payload) {
            return publish(UUID.randomUUID().toString(), key, payload);
        }

        /** With the given ce_id: the same id again is a redelivery. */
        public String publish(String ceId, String key, Object payload) {
            EventType type = EventType.ofPayload(payload);
            return publish(type.topic(), key, EventJson.write(payload), ceId, type.ceType());
        }

        public String publish(String topic, String key, String json, String ceId, String ceType) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            record.headers().add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.SPEC_VERSION,
                    CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8));
            try {
                producer.send(record).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot publish to " + topic, e.getCause());
            }
            return ceId;
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
