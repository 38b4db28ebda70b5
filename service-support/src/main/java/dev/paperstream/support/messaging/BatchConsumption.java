package dev.paperstream.support.messaging;

import dev.paperstream.events.EventType;
import dev.paperstream.events.InvalidEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What every batch consumer does alike ({@link #consume}): each record of a polled batch that could not be read
 * (its channel's deserializer refused it: another {@code ce_type}, malformed JSON, no payload; see
 * {@link ConsumedRecords#unreadable}), or whose fields the consumer rejects, is dead-lettered alone with the
 * reason; the others are applied in one transaction, which first notes their event ids as processed by the
 * consumer (one statement for the batch, {@link ProcessedEvents#firstDeliveries}) and hands the consumer only
 * those delivered for the first time, so a redelivery changes nothing. When that transaction fails, each
 * record is applied again alone in its own transaction, and only those that still fail are dead-lettered:
 * one bad record never costs the batch.
 * A transient failure (see {@link Transience}: database or broker unreachable, deadlock, exhausted pool,
 * timeout) is never a reason to dead-letter: the batch, or the record, is tried again with back-off by
 * {@link TransientRetry} until it passes, and its offsets are not committed meanwhile.
 */
@ApplicationScoped
public class BatchConsumption {
    private static final Logger LOG = Logger.getLogger(BatchConsumption.class);

    private final DeadLetters deadLetters;
    private final TransientRetry retry;
    private final ProcessedEvents processed;

    public BatchConsumption(DeadLetters deadLetters, TransientRetry retry, ProcessedEvents processed) {
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.processed = processed;
    }

    /**
     * Consumes a polled batch of a channel that names its event's deserializer (see the class): {@code validate}
     * throws for an event whose fields can never be stored; {@code apply} gets, in the batch's transaction, the
     * valid events (in offset order within a partition) that {@code consumer} sees for the first time, never an
     * empty list. {@code consumer} is the name under which {@code processed_event} notes them; never rename it.
     */
    public <T> void consume(String channel, String consumer, Iterable<ConsumerRecord<String, T>> records,
            Consumer<T> validate, Consumer<List<ReceivedEvent<T>>> apply) {
        consume(channel, consumer, records, validate, event -> true, apply);
    }

    /**
     * As {@link #consume(String, String, Iterable, Consumer, Consumer)}, for a consumer that acts on few of the
     * events it reads: a valid event that is not {@code wanted} changes nothing, so it is neither noted as
     * processed nor applied, and a batch with none wanted opens no transaction.
     */
    public <T> void consume(String channel, String consumer, Iterable<ConsumerRecord<String, T>> records,
            Consumer<T> validate, Predicate<T> wanted, Consumer<List<ReceivedEvent<T>>> apply) {
        List<ReceivedEvent<T>> readable = new ArrayList<>();
        for (ConsumerRecord<String, T> record : records) {
            Optional<String> unreadable = ConsumedRecords.unreadable(record);
            if (unreadable.isPresent()) {
                deadLetters.send(channel, record, new InvalidEventException(unreadable.get(), null));
                continue;
            }
            try {
                validate.accept(record.value());
            } catch (RuntimeException e) {
                deadLetters.send(channel, record, e);
                continue;
            }
            if (wanted.test(record.value())) {
                readable.add(new ReceivedEvent<>(record, ConsumedRecords.eventId(record), record.value()));
            }
        }
        apply(channel, readable, events -> {
            List<ReceivedEvent<T>> first = processed.firstDeliveries(consumer, events);
            if (!first.isEmpty()) {
                apply.accept(first);
            }
        });
    }

    /**
     * Applies {@code apply} to all events in one transaction, or, when that fails, to each alone (see the class).
     */
    private <T> void apply(String channel, List<ReceivedEvent<T>> events, Consumer<List<ReceivedEvent<T>>> apply) {
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
