package dev.paperstream.support.messaging;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@code @Incoming} method taking one {@code ConsumerRecord}, what every single-record consumer does
 * alike, so that the method holds only its business logic:
 * <ul>
 * <li>outside the method's {@code @Transactional} ({@link RecordConsumerInterceptor}): a record whose value
 * could not be read (its channel's deserializer refused it: another {@code ce_type}, malformed JSON, no payload)
 * is dead-lettered with the deserializer's reason without calling the method; a transient failure is retried
 * with back-off until it passes ({@link TransientRetry}), each attempt a transaction of its own; a permanent
 * one sends the record to the channel's dead-letter topic with the reason ({@link DeadLetters}); the record
 * is then acknowledged;</li>
 * <li>with a consumer name ({@code @RecordConsumer("priority-service.paper-parsed")}), inside the method's
 * {@code @Transactional} ({@link FirstDeliveryInterceptor}): a record whose {@code ce_id} this consumer has
 * processed before is skipped, and the note that it was processed commits with the method's work. The method
 * must then be {@code @Transactional}; one that is not fails its channel on the first record (nothing is
 * dead-lettered or committed).</li>
 * </ul>
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RecordConsumer {
    /**
     * The consumer's name in {@code processed_event}; never renamed once records were processed under it, or
     * they would be processed again. Empty: the method checks redeliveries itself ({@link ProcessedEvents}).
     */
    @Nonbinding
    String value() default "";
}
