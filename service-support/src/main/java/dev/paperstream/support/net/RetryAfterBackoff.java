package dev.paperstream.support.net;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.RateLimitException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one back-off of every outgoing HTTP call ({@code @Retry} with {@code @CustomBackoff(RetryAfterBackoff.class)}):
 * wait what the server asked for in Retry-After ({@link ServerBusyException}) or what our own {@code @RateLimit}
 * says is left of its window, at most {@code paperstream.http.max-retry-after}; otherwise the {@code @Retry}'s
 * {@code delay}, doubling after each try up to the same bound. SmallRye makes one instance per invocation.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {
    public static final String MAX_SETTING = "paperstream.http.max-retry-after";
    static final Duration DEFAULT_MAX = Duration.ofSeconds(60);

    private final long maxMillis;
    private long nextMillis;

    public RetryAfterBackoff() {
        this(ConfigProvider.getConfig().getOptionalValue(MAX_SETTING, Duration.class).orElse(DEFAULT_MAX));
    }

    public RetryAfterBackoff(Duration max) {
        if (max.compareTo(Duration.ofSeconds(1)) < 0 || max.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(MAX_SETTING + " must be between PT1S and PT1H, not " + max);
        }
        this.maxMillis = max.toMillis();
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextMillis = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        Optional<Duration> asked = askedWait(failure);
        if (asked.isPresent()) {
            return Math.min(maxMillis, asked.get().toMillis());
        }
        long delay = Math.min(maxMillis, nextMillis);
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    private static Optional<Duration> askedWait(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerBusyException busy) {
                return busy.retryAfter();
            }
            if (t instanceof RateLimitException limited && limited.getRetryAfterMillis() >= 0) {
                return Optional.of(Duration.ofMillis(limited.getRetryAfterMillis()));
            }
        }
        return Optional.empty();
    }
}
