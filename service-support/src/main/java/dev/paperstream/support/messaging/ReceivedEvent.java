package dev.paperstream.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record of a batch that could be read: the record itself (for dead-lettering it), its event id and payload. */
public record ReceivedEvent<T>(ConsumerRecord<String, ?> record, String id, T payload) {
}
