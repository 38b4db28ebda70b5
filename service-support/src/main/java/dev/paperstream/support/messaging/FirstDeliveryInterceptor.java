package dev.paperstream.support.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The inner half of {@link RecordConsumer}: with a consumer name, skips a record whose {@code ce_id} that
 * consumer processed before. Its priority puts it inside {@code @Transactional} (PLATFORM_BEFORE + 200), so
 * the {@code processed_event} row commits, or rolls back, with the method's work.
 */
@RecordConsumer
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class FirstDeliveryInterceptor {
    private final ProcessedEvents processed;

    public FirstDeliveryInterceptor(ProcessedEvents processed) {
        this.processed = processed;
    }

    @AroundInvoke
    Object firstDeliveryOnly(InvocationContext invocation) throws Exception {
        String consumer = consumerName(invocation.getMethod());
        if (consumer.isEmpty()) {
            return invocation.proceed();
        }
        if (!QuarkusTransaction.isActive()) {
            throw new NotTransactional(consumer, invocation.getMethod());
        }
        ConsumerRecord<?, ?> record = (ConsumerRecord<?, ?>) invocation.getParameters()[0];
        return processed.firstDelivery(consumer, ConsumedRecords.eventId(record)) ? invocation.proceed() : null;
    }

    private static String consumerName(Method method) {
        RecordConsumer onMethod = method.getAnnotation(RecordConsumer.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RecordConsumer onClass = method.getDeclaringClass().getAnnotation(RecordConsumer.class);
        return onClass == null ? "" : onClass.value();
    }

    /**
     * A consumer named for idempotency whose method is not {@code @Transactional}: its processed note could not
     * commit with its work. A fault of the code, not of the record: the channel fails, nothing is dead-lettered.
     */
    public static final class NotTransactional extends IllegalStateException {
        NotTransactional(String consumer, Method method) {
            super("@RecordConsumer(\"" + consumer + "\") needs a @Transactional method, so that its processed note"
                    + " commits with its work: " + method);
        }
    }
}
