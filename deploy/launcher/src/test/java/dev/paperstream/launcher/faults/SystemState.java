package dev.paperstream.launcher.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the system holds, read where an operator would look: PostgreSQL tables, consumer lag, topics. */
final class SystemState implements AutoCloseable {
    private static final List<String> SCHEMAS = List.of("ingest", "priority", "notes", "kernel");
    private final String jdbcUrl;
    private final Admin admin;

    SystemState(String jdbcUrl, String bootstrapServers) {
        this.jdbcUrl = jdbcUrl;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events written to the services' outboxes and not yet on Kafka. */
    long outboxBacklog() throws SQLException {
        long backlog = 0;
        for (String schema : SCHEMAS) {
            backlog += count("SELECT coalesce(sum(events), 0) FROM " + schema + ".outbox");
        }
        return backlog;
    }

    /** Records not yet consumed by the services' consumer groups, over all their topics. */
    long consumerLag() throws Exception {
        Set<String> groups = admin.listConsumerGroups().all().get(20, TimeUnit.SECONDS).stream()
                .map(g -> g.groupId()).filter(g -> g.endsWith("-service")).collect(Collectors.toSet());
        return consumerLag(groups);
    }

    /** Records not yet consumed by these consumer groups, over all their topics. */
    long consumerLag(Set<String> groups) throws Exception {
        long lag = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = endOffsets(committed.keySet());
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                lag += end.get(e.getKey()) - (e.getValue() == null ? 0 : e.getValue().offset());
            }
        }
        return lag;
    }

    /** Records on every dead-letter topic ({@code dlq.*}), by topic. */
    Map<String, Long> deadLetters() throws Exception {
        Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith("dlq.")).collect(Collectors.toSet());
        Map<String, Long> counts = new TreeMap<>();
        if (topics.isEmpty()) {
            return counts;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = described.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).collect(Collectors.toSet());
        endOffsets(partitions).forEach((p, offset) -> counts.merge(p.topic(), offset, Long::sum));
        return counts;
    }

    /** Records a topic holds, all partitions. */
    long records(String topic) throws Exception {
        TopicDescription d = admin.describeTopics(Set.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic);
        Set<TopicPartition> partitions = d.partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toSet());
        return endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.listOffsets(request).all()
                .get(20, TimeUnit.SECONDS);
        Map<TopicPartition, Long> end = new HashMap<>();
        answer.forEach((p, info) -> end.put(p, info.offset()));
        return end;
    }

    @Override
    public void close() {
        admin.close();
    }
}
