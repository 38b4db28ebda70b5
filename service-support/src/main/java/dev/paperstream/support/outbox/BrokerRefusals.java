package dev.paperstream.support.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Which producer errors are about the event itself, so that sending it again can never succeed until
 * someone changes a limit or the event: those are parked. Everything else (the broker unavailable, a
 * timeout, a leader moving, an authorization or producer-state error) is about the connection or the
 * cluster and is retried, however long it lasts: parking would take events out of order for a fault
 * that passes, and an authorization error would park every event of the topic.
 */
final class BrokerRefusals {
    private BrokerRefusals() {
    }

    /** True when the broker (or the producer's own check) refuses this event for good. */
    static boolean refusesTheEvent(Throwable error) {
        return error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidTopicException
                || error instanceof InvalidRecordException
                || error instanceof SerializationException;
    }

    /** The reason stored with a parked event: the error's kind and what the client said. */
    static String reason(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
