package dev.paperstream.ingest.web;

import static org.awaitility.Awaitility.await;

import dev.paperstream.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads paper.discovered from the test broker from the beginning, as any consumer would. */
final class DiscoveredTopic implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    DiscoveredTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(Topics.PAPER_DISCOVERED));
    }

    /** Waits until a record with every key has arrived; returns all records seen with those keys. */
    List<ConsumerRecord<String, String>> awaitKeys(Collection<String> keys) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().map(ConsumerRecord::key).toList().containsAll(keys);
        });
        return withKeys(keys);
    }

    /** Waits until at least {@code count} records with those keys have arrived. */
    List<ConsumerRecord<String, String>> awaitCount(Collection<String> keys, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return withKeys(keys).size() >= count;
        });
        return withKeys(keys);
    }

    List<ConsumerRecord<String, String>> withKeys(Collection<String> keys) {
        return seen.stream().filter(r -> keys.contains(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
