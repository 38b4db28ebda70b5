package dev.paperstream.kernel.api;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients on the test broker: what the service published, and events for it to consume. */
final class EventTopics {
    private EventTopics() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    /** Polls the consumer for {@code wait} and adds the benchmark.completed records of the job to {@code found}. */
    static void collect(KafkaConsumer<String, String> c, String jobId, Duration wait,
            List<ConsumerRecord<String, String>> found) {
        long end = System.nanoTime() + wait.toNanos();
        do {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                if (EventJson.read(r.value(), BenchmarkCompleted.class).jobId().equals(jobId)) {
                    found.add(r);
                }
            }
        } while (System.nanoTime() < end);
    }

    static void send(BenchmarkRequested event, String ceId, String ceType) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap()), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(EventType.BENCHMARK_REQUESTED.topic(),
                    event.jobId(), EventJson.write(event));
            r.headers().add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
            r.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
            p.send(r);
            p.flush();
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
