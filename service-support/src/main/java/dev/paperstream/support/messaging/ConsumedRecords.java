package dev.paperstream.support.messaging;

import dev.paperstream.events.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What every consumer reads off a record alike, in one place: its event id (for idempotency) and, for a
 * record its channel's deserializer refused, why. The channels run with SmallRye's
 * {@code fail-on-deserialization-failure=false}: a record whose value could not be read (another
 * {@code ce_type}, malformed JSON, no payload; see the events' {@code CloudEventDeserializer}) arrives with
 * a null value and the deserializer's message in {@code deserialization-failure-reason}.
 */
public final class ConsumedRecords {
    private ConsumedRecords() {
    }

    /**
     * The record's {@code ce_id}. Without one (only a channel still read as text lets such a record through)
     * its position is its identity: a redelivery has the same one.
     */
    public static String eventId(ConsumerRecord<?, ?> record) {
        String id = header(record, CloudEventHeaders.ID);
        return id != null ? id : where(record);
    }

    /** Why the record cannot be consumed, when its value could not be read; empty when it has a value. */
    public static Optional<String> unreadable(ConsumerRecord<?, ?> record) {
        if (record.value() != null) {
            return Optional.empty();
        }
        String reason = header(record, DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        return Optional.of(reason != null ? reason : "record at " + where(record) + " has no payload");
    }

    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
