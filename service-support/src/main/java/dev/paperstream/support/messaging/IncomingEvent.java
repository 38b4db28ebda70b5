package dev.paperstream.support.messaging;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.InvalidEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A consumed Kafka record read as a CloudEvent: checks that {@code ce_type} is the one the consumer
 * expects (an unknown version is an error that sends the record to the dead-letter topic) and
 * decodes the payload.
 */
public record IncomingEvent<T>(String id, String key, T payload) {

    public static <T> IncomingEvent<T> of(ConsumerRecord<String, String> record, EventType expected, Class<T> type) {
        String ceType = header(record, CloudEventHeaders.TYPE);
        if (ceType != null && !expected.ceType().equals(ceType)) {
            throw new InvalidEventException("expected ce_type " + expected.ceType() + " but got " + ceType, null);
        }
        if (record.value() == null) {
            throw new InvalidEventException("record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no payload", null);
        }
        String id = header(record, CloudEventHeaders.ID);
        if (id == null) {
            // Without a ce_id the record's position is its identity: a redelivery has the same one.
            id = record.topic() + "-" + record.partition() + "@" + record.offset();
        }
        return new IncomingEvent<>(id, record.key(), EventJson.read(record.value(), type));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
