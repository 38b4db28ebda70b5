package dev.paperstream.support.messaging;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of a channel still read as text, decoded by its consumer: checks that {@code ce_type} is the one
 * the consumer expects (an unknown version is an error that sends the record to the dead-letter topic) and
 * decodes the payload. A channel that names its event's deserializer ({@code value.deserializer}, see the
 * events' {@code kafka} package) has these checks done before the consumer sees the record, and needs none of
 * this.
 */
public record IncomingEvent<T>(String id, String key, T payload) {

    public static <T> IncomingEvent<T> of(ConsumerRecord<String, String> record, EventType expected, Class<T> type) {
        String ceType = ConsumedRecords.header(record, CloudEventHeaders.TYPE);
        if (ceType != null && !expected.ceType().equals(ceType)) {
            throw new InvalidEventException("expected ce_type " + expected.ceType() + " but got " + ceType, null);
        }
        if (record.value() == null) {
            throw new InvalidEventException("record at " + ConsumedRecords.where(record) + " has no payload", null);
        }
        return new IncomingEvent<>(ConsumedRecords.eventId(record), record.key(), EventJson.read(record.value(), type));
    }
}
