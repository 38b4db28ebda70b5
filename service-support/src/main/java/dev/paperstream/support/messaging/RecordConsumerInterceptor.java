package dev.paperstream.support.messaging;

import dev.paperstream.events.InvalidEventException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The outer half of {@link RecordConsumer}: unreadable records, transient retries and dead letters. Its
 * priority puts it outside {@code @Transactional} (PLATFORM_BEFORE + 200), so each attempt is a transaction
 * of its own.
 */
@RecordConsumer
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RecordConsumerInterceptor {
    private final TransientRetry retry;
    private final DeadLetters deadLetters;

    public RecordConsumerInterceptor(TransientRetry retry, DeadLetters deadLetters) {
        this.retry = retry;
        this.deadLetters = deadLetters;
    }

    @AroundInvoke
    Object consume(InvocationContext invocation) throws Exception {
        Incoming incoming = invocation.getMethod().getAnnotation(Incoming.class);
        if (incoming == null || invocation.getParameters().length != 1
                || !(invocation.getParameters()[0] instanceof ConsumerRecord<?, ?> consumed)) {
            throw new IllegalStateException("@RecordConsumer needs an @Incoming method taking one ConsumerRecord: "
                    + invocation.getMethod());
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, ?> record = (ConsumerRecord<String, ?>) consumed;
        String channel = incoming.value();
        Optional<String> unreadable = ConsumedRecords.unreadable(record);
        if (unreadable.isPresent()) {
            deadLetters.send(channel, record, new InvalidEventException(unreadable.get(), null));
            return null;
        }
        try {
            return retry.run(channel, () -> {
                try {
                    return invocation.proceed();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (TransientRetry.Stopped | FirstDeliveryInterceptor.NotTransactional notTheRecordsFault) {
            throw notTheRecordsFault;
        } catch (RuntimeException permanent) {
            deadLetters.send(channel, record, permanent);
            return null;
        }
    }
}
