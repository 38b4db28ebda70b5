package dev.paperstream.ingest.api;

import static org.awaitility.Awaitility.await;

import dev.paperstream.events.Topics;
import dev.paperstream.testkit.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads paper.discovered from the test broker from the beginning, as any consumer would. */
final class DiscoveredTopic implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    DiscoveredTopic() {
        consumer = TestTopics.consumer(Topics.PAPER_DISCOVERED);
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
