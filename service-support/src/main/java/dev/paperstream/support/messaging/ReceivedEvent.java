package dev.paperstream.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record of a batch that could be read: the record itself (for dead-lettering it) and its event. */
public record ReceivedEvent<T>(ConsumerRecord<String, String> record, IncomingEvent<T> event) {
    public String id() {
        return event.id();
    }

    public T payload() {
        return event.payload();
    }
}
