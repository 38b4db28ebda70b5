package dev.paperstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything on the paper topics, read from the beginning: to show that nothing was published twice. */
final class KafkaTopicCounts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Integer> records = new HashMap<>();
    private final Map<String, Set<String>> keys = new HashMap<>();
    private final Map<String, Set<String>> keyVersionPairs = new HashMap<>();
    private final Map<String, Set<String>> contents = new HashMap<>();
    private final Map<String, Integer> duplicateNoted = new HashMap<>();

    static KafkaTopicCounts read(String bootstrapServers) throws Exception {
        KafkaTopicCounts counts = new KafkaTopicCounts();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            for (String topic : List.of("paper.discovered", "paper.scored")) {
                var partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.currentTimeMillis() + 30_000;
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                        && System.currentTimeMillis() < deadline) {
                    for (var r : consumer.poll(Duration.ofMillis(500))) {
                        JsonNode payload = JSON.readTree(r.value());
                        counts.records.merge(topic, 1, Integer::sum);
                        counts.keys.computeIfAbsent(topic, t -> new HashSet<>()).add(r.key());
                        String team = payload.path("team").asText("");
                        counts.keyVersionPairs.computeIfAbsent(topic, t -> new HashSet<>())
                                .add(r.key() + "v" + payload.path("version").asInt() + "/" + team);
                        ObjectNode content = payload.deepCopy();
                        content.remove("scoredAt");
                        counts.contents.computeIfAbsent(topic, t -> new HashSet<>()).add(r.key() + content);
                        if (payload.path("reasons").toString().contains("duplicate: same work as")) {
                            counts.duplicateNoted.merge(topic, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }

    int records(String topic) {
        return records.getOrDefault(topic, 0);
    }

    int distinctKeys(String topic) {
        return keys.getOrDefault(topic, Set.of()).size();
    }

    /**
     * Records that differ in more than when they were made: a record sent twice, or a paper scored twice alike,
     * counts once; a re-score that says something new (a near-duplicate found after the first score) counts.
     */
    int distinctContents(String topic) {
        return contents.getOrDefault(topic, Set.of()).size();
    }

    /** Records whose reasons say the paper repeats another. */
    int duplicateNoted(String topic) {
        return duplicateNoted.getOrDefault(topic, 0);
    }

    int distinctKeyVersionPairs(String topic) {
        return keyVersionPairs.getOrDefault(topic, Set.of()).size();
    }
}
