package dev.paperstream.support.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reads ranges of one dead-letter topic with an assigned consumer (no group, nothing committed), one consumer a topic. */
final class DeadLetterReader {
    private DeadLetterReader() {
    }

    /** The last {@code n} records of each partition of {@code topic}; none when the topic does not exist yet. */
    static List<ConsumerRecord<String, String>> newest(KafkaConsumer<String, String> consumer, String topic, long n,
            Duration timeout) {
        return read(consumer, topic, (begin, end) -> Math.max(begin, end - n), timeout);
    }

    /** Every record of {@code topic}, each partition in offset order. */
    static List<ConsumerRecord<String, String>> all(KafkaConsumer<String, String> consumer, String topic,
            Duration timeout) {
        return read(consumer, topic, (begin, end) -> begin, timeout);
    }

    static Optional<ConsumerRecord<String, String>> at(KafkaConsumer<String, String> consumer, String topic,
            int partition, long offset, Duration timeout) {
        TopicPartition tp = new TopicPartition(topic, partition);
        if (partitions(consumer, topic, timeout).stream().noneMatch(tp::equals)) {
            return Optional.empty();
        }
        long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
        long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
        if (offset < begin || offset >= end) {
            return Optional.empty();
        }
        return drain(consumer, Map.of(tp, new long[] {offset, offset + 1}), timeout).stream()
                .filter(r -> r.offset() == offset).findFirst();
    }

    private interface Start {
        long from(long begin, long end);
    }

    private static List<ConsumerRecord<String, String>> read(KafkaConsumer<String, String> consumer, String topic,
            Start start, Duration timeout) {
        List<TopicPartition> partitions = partitions(consumer, topic, timeout);
        if (partitions.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long end = ends.get(tp);
            long from = start.from(begins.get(tp), end);
            if (from < end) {
                ranges.put(tp, new long[] {from, end});
            }
        }
        return drain(consumer, ranges, timeout);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic,
            Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        return infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** The records in [from, to) of each range; fails when the broker does not hand them over within {@code timeout}. */
    private static List<ConsumerRecord<String, String>> drain(KafkaConsumer<String, String> consumer,
            Map<TopicPartition, long[]> ranges, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (ranges.isEmpty()) {
            return records;
        }
        consumer.assign(ranges.keySet());
        ranges.forEach((tp, range) -> consumer.seek(tp, range[0]));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, long[]> open = new HashMap<>(ranges);
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not hand over dead letters of " + open.keySet()
                        + " within " + timeout);
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                long[] range = ranges.get(new TopicPartition(r.topic(), r.partition()));
                if (r.offset() >= range[0] && r.offset() < range[1]) {
                    records.add(r);
                }
            }
            open.keySet().removeIf(tp -> consumer.position(tp) >= open.get(tp)[1]);
        }
        return records;
    }
}
