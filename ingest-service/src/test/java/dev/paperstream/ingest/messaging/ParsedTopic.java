package dev.paperstream.ingest.messaging;

import static org.awaitility.Awaitility.await;

import dev.paperstream.events.Topics;
import dev.paperstream.testkit.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads paper.parsed from the start in a test. */
public final class ParsedTopic {
    private ParsedTopic() {
    }

    /** The first paper.parsed record with this key, waiting up to 30 s for it. */
    public static ConsumerRecord<String, String> awaitRecord(String key) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_PARSED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> key.equals(r.key()));
            });
        }
        return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }
}
