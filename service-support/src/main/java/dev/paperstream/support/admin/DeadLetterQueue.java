package dev.paperstream.support.admin;

import dev.paperstream.support.kafka.KafkaConnection;
import dev.paperstream.support.messaging.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * This service's dead-letter topics (one per incoming channel, see {@link DeadLetters}), read and replayed
 * for an admin. Replaying re-publishes the original record (key, value, and its headers minus the
 * {@code dead-letter-*} ones, so the CloudEvent keeps its {@code ce_id}) to its original topic, waits for the
 * broker, then notes the replay in {@link DeadLetterReplays}: a second replay skips it. Should the service die
 * between the two, a later replay publishes it again, and the consumer skips the repeated {@code ce_id}.
 */
@ApplicationScoped
public class DeadLetterQueue {
    /** The most dead letters one whole-channel replay publishes; call again for the rest. */
    public static final int REPLAY_MAX = 1000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final DeadLetters deadLetters;
    private final KafkaConnection kafka;
    private final DeadLetterReplays replays;

    public DeadLetterQueue(DeadLetters deadLetters, KafkaConnection kafka, DeadLetterReplays replays) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.replays = replays;
    }

    /** Dead-letter topic by channel. */
    public Map<String, String> channels() {
        return deadLetters.topicsByChannel();
    }

    /** The newest {@code limit} dead letters of {@code channels}' topics, newest first. */
    public List<DeadLetter> list(List<String> channels, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        for (String channel : channels) {
            String topic = channels().get(channel);
            Map<String, Instant> replayed = replays.of(topic);
            try (KafkaConsumer<String, String> consumer = consumer()) {
                for (ConsumerRecord<String, String> r : DeadLetterReader.newest(consumer, topic, limit, READ_TIMEOUT)) {
                    found.add(view(channel, r, replayed));
                }
            }
        }
        return found.stream().sorted(Comparator.comparing(DeadLetter::timestamp).reversed()
                .thenComparing(DeadLetter::topic).thenComparing(DeadLetter::partition)
                .thenComparing(DeadLetter::offset, Comparator.reverseOrder())).limit(limit).toList();
    }

    /** Replays the dead letter at {@code topic}-{@code partition}@{@code offset}; empty when there is none. */
    public Optional<Replay> replayOne(String channel, String topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Optional<ConsumerRecord<String, String>> record = DeadLetterReader.at(consumer, topic, partition, offset,
                    READ_TIMEOUT);
            return record.map(r -> replay(channel, List.of(r)));
        }
    }

    /** Replays every dead letter of {@code channel} not replayed before, oldest first, at most {@link #REPLAY_MAX}. */
    public Replay replayAll(String channel) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return replay(channel, DeadLetterReader.all(consumer, channels().get(channel), READ_TIMEOUT));
        }
    }

    private Replay replay(String channel, List<ConsumerRecord<String, String>> records) {
        Map<String, Instant> done = replays.of(channels().get(channel));
        int replayed = 0;
        int already = 0;
        int left = 0;
        List<String> refused = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (ConsumerRecord<String, String> r : records) {
                String where = DeadLetterReplays.key(r.topic(), r.partition(), r.offset());
                String original = header(r, "dead-letter-topic");
                if (done.containsKey(where)) {
                    already++;
                } else if (original == null) {
                    refused.add(where + ": no dead-letter-topic header, so its original topic is unknown");
                } else if (replayed == REPLAY_MAX) {
                    left++;
                } else {
                    ProducerRecord<String, String> again = new ProducerRecord<>(original, null, r.key(), r.value());
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith("dead-letter-")) {
                            again.headers().add(h);
                        }
                    }
                    send(producer, again, where);
                    replays.record(r.topic(), r.partition(), r.offset());
                    replayed++;
                }
            }
        }
        return new Replay(replayed, already, left, refused);
    }

    /** What a replay did: published now, skipped as replayed before, left for a next call, not replayable. */
    public record Replay(int replayed, int alreadyReplayed, int remaining, List<String> notReplayable) {
    }

    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record, String where) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + where, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot replay " + where + " to " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    private DeadLetter view(String channel, ConsumerRecord<String, String> r, Map<String, Instant> replayed) {
        String value = r.value() == null ? "" : r.value();
        boolean cut = value.length() > DeadLetter.PAYLOAD_MAX;
        String partition = header(r, "dead-letter-partition");
        String offset = header(r, "dead-letter-offset");
        return new DeadLetter(channel, r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                header(r, "dead-letter-reason"), header(r, "dead-letter-exception-class-name"),
                header(r, "dead-letter-cause"), header(r, "dead-letter-topic"),
                partition == null ? null : Integer.valueOf(partition), offset == null ? null : Long.valueOf(offset),
                cut ? value.substring(0, DeadLetter.PAYLOAD_MAX) : value, cut,
                replayed.get(DeadLetterReplays.key(r.topic(), r.partition(), r.offset())));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> settings = new HashMap<>(kafka.clientSettings());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> settings = new HashMap<>(kafka.clientSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }
}
