package dev.paperstream.support.net;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks {@code paperstream.http.max-retry-after} at start, so that a value out of bounds stops the service naming
 * the setting rather than failing the first retry ({@link RetryAfterBackoff} reads it for each invocation).
 */
@Startup
@Singleton
public class RetryAfterBound {
    public RetryAfterBound(@ConfigProperty(name = RetryAfterBackoff.MAX_SETTING, defaultValue = "PT60S") Duration max) {
        new RetryAfterBackoff(max);
    }
}
