package dev.paperstream.support.messaging;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@code @Incoming} method taking one {@code ConsumerRecord}: a transient failure is retried with
 * back-off until it passes ({@link TransientRetry}), a permanent one sends the record to the channel's
 * dead-letter topic with the reason ({@link DeadLetters}) and the record is acknowledged. Runs outside
 * the method's {@code @Transactional}, so each attempt is a transaction of its own.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RecordConsumer {
}
