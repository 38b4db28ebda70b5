package dev.paperstream.support.messaging;

import dev.paperstream.events.EventJson;
import dev.paperstream.support.kafka.KafkaConnection;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * Dead-letters single records for every consumer: a batch consumer for one record of its batch
 * ({@link BatchConsumption}), a single-record one through {@link RecordConsumer}. The channels' SmallRye
 * strategy is {@code fail}, so the consumers settle records themselves: the record goes, with the headers
 * SmallRye's {@code dead-letter-queue} strategy writes ({@code dead-letter-reason} and friends), to the topic
 * configured as the channel's {@code dead-letter-queue.topic}. The send waits for the broker (acks=all)
 * before the batch's offsets are committed, so a record is never lost; a crash in between dead-letters
 * it twice at worst. A send the broker cannot take now (unreachable, timed out) is retried by
 * {@link TransientRetry}, so a broker outage delays the record instead of losing it. The producer uses
 * the service's Kafka connection settings (TLS, SASL) from {@link KafkaConnection}.
 * <p>
 * The dead letter's body is the record's as it was consumed: the bytes its deserializer refused (taken from
 * SmallRye's {@code deserialization-failure-data} header, which is not copied), the text of a channel read as
 * text, or else the payload its consumer read, written back by {@code EventJson} (properties this consumer
 * does not know are not kept: the services that know them read the original record).
 */
@ApplicationScoped
public class DeadLetters {
    static final String CONFIG_PREFIX = "mp.messaging.incoming.";
    static final String CONFIG_SUFFIX = ".dead-letter-queue.topic";
    private static final String DESERIALIZATION_FAILURE = "deserialization-failure-";

    private final Config config;
    private final KafkaConnection kafka;
    private final TransientRetry retry;
    private volatile KafkaProducer<String, byte[]> producer;

    public DeadLetters(Config config, KafkaConnection kafka, TransientRetry retry) {
        this.config = config;
        this.kafka = kafka;
        this.retry = retry;
    }

    /** This service's dead-letter topic of each incoming channel that has one, by channel name. */
    public Map<String, String> topicsByChannel() {
        Map<String, String> topics = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(CONFIG_PREFIX) && name.endsWith(CONFIG_SUFFIX)) {
                String channel = name.substring(CONFIG_PREFIX.length(), name.length() - CONFIG_SUFFIX.length());
                topics.put(channel, topic(channel));
            }
        }
        return topics;
    }

    /** The channel's dead-letter topic, as its failure strategy would use it. */
    public String topic(String channel) {
        return config.getOptionalValue(CONFIG_PREFIX + channel + CONFIG_SUFFIX, String.class)
                .orElse("dead-letter-topic-" + channel);
    }

    /** Sends {@code record} to the channel's dead-letter topic with {@code reason}; returns once the broker has it. */
    public void send(String channel, ConsumerRecord<String, ?> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            if (!h.key().startsWith(DESERIALIZATION_FAILURE)) {
                headers.add(h);
            }
        }
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic(channel), null, record.key(), body(record),
                headers);
        header(dead, "dead-letter-reason", message(reason));
        if (reason.getCause() != null) {
            header(dead, "dead-letter-cause", message(reason.getCause()));
            header(dead, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
        }
        header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        retry.run(channel, () -> publish(dead, record));
    }

    private static byte[] body(ConsumerRecord<String, ?> record) {
        Object value = record.value();
        if (value == null) {
            Header refused = record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA);
            return refused == null ? null : refused.value();
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return (value instanceof String text ? text : EventJson.write(value)).getBytes(StandardCharsets.UTF_8);
    }

    private void publish(ProducerRecord<String, byte[]> dead, ConsumerRecord<String, ?> record) {
        try {
            producer().send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + where(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot dead-letter " + where(record) + ": " + e.getMessage(), e);
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> settings = new HashMap<>(kafka.clientSettings());
                    settings.put(ProducerConfig.ACKS_CONFIG, "all");
                    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    void close(@Observes ShutdownEvent shutdown) {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }
}
