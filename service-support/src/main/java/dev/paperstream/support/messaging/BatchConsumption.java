package dev.paperstream.support.messaging;

import dev.paperstream.events.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What every batch consumer does alike: read each record of a polled batch (one that cannot be read, or
 * whose fields the consumer rejects, is dead-lettered alone with the reason), then apply the readable ones
 * in one transaction. When that transaction fails, each record is applied again alone in its own
 * transaction, and only those that still fail are dead-lettered: one bad record never costs the batch.
 * A transient failure (see {@link Transience}: database or broker unreachable, deadlock, exhausted pool,
 * timeout) is never a reason to dead-letter: the batch, or the record, is tried again with back-off by
 * {@link TransientRetry} until it passes, and its offsets are not committed meanwhile.
 */
@ApplicationScoped
public class BatchConsumption {
    private static final Logger LOG = Logger.getLogger(BatchConsumption.class);

    private final DeadLetters deadLetters;
    private final TransientRetry retry;

    public BatchConsumption(DeadLetters deadLetters, TransientRetry retry) {
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    /**
     * The records of {@code records} (in their order: offset order within a partition) read as {@code type};
     * {@code validate} throws for an event whose fields can never be stored. The others are dead-lettered.
     */
    public <T> List<ReceivedEvent<T>> read(String channel, Iterable<ConsumerRecord<String, String>> records,
            EventType type, Class<T> payload, Consumer<T> validate) {
        List<ReceivedEvent<T>> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent<T> event = IncomingEvent.of(record, type, payload);
                validate.accept(event.payload());
                readable.add(new ReceivedEvent<>(record, event));
            } catch (RuntimeException e) {
                deadLetters.send(channel, record, e);
            }
        }
        return readable;
    }

    /** Applies {@code apply} to all events in one transaction, or, when that fails, to each alone (see the class). */
    public <T> void apply(String channel, List<ReceivedEvent<T>> events, Consumer<List<ReceivedEvent<T>>> apply) {
        if (events.isEmpty()) {
            return;
        }
        try {
            retry.run(channel, () -> QuarkusTransaction.requiringNew().run(() -> apply.accept(events)));
            return;
        } catch (TransientRetry.Stopped stopped) {
            throw stopped;
        } catch (RuntimeException batchFailed) {
            if (events.size() == 1) {
                deadLetters.send(channel, events.get(0).record(), batchFailed);
                return;
            }
            LOG.warnf("a batch of %d on %s failed (%s); applying its records one by one", events.size(), channel,
                    batchFailed.getMessage());
        }
        for (ReceivedEvent<T> event : events) {
            try {
                retry.run(channel, () -> QuarkusTransaction.requiringNew().run(() -> apply.accept(List.of(event))));
            } catch (TransientRetry.Stopped stopped) {
                throw stopped;
            } catch (RuntimeException e) {
                deadLetters.send(channel, event.record(), e);
            }
        }
    }
}
