package dev.paperstream.support.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers wait out a transient failure (see {@link TransientRetry}). */
@ConfigMapping(prefix = "paperstream.messaging.retry")
public interface RetryConfig {
    /** The first pause after a transient failure; doubled after each failed attempt. 10 ms to 1 min. */
    @WithDefault("PT0.5S")
    Duration initialBackoff();

    /** The longest pause between two attempts. From the initial back-off to 5 min. */
    @WithDefault("PT30S")
    Duration maxBackoff();
}
