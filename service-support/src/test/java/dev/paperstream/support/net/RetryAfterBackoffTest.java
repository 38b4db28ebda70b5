package dev.paperstream.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.faulttolerance.api.RateLimitException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterBackoffTest {

    private static RetryAfterBackoff startingAt(long initialMillis, Duration max) {
        RetryAfterBackoff backoff = new RetryAfterBackoff(max);
        backoff.init(initialMillis);
        return backoff;
    }

    private static ServerBusyException busy(Optional<Duration> retryAfter) {
        return new ServerBusyException(503, retryAfter, "answered 503");
    }

    @Test
    void waitsWhatTheServerAskedFor() {
        RetryAfterBackoff backoff = startingAt(1000, Duration.ofSeconds(60));
        assertThat(backoff.nextDelayInMillis(busy(Optional.of(Duration.ofSeconds(7))))).isEqualTo(7000);
        assertThat(backoff.nextDelayInMillis(busy(Optional.of(Duration.ZERO)))).isZero();
    }

    @Test
    void neverWaitsLongerThanTheBound() {
        RetryAfterBackoff backoff = startingAt(1000, Duration.ofSeconds(30));
        assertThat(backoff.nextDelayInMillis(busy(Optional.of(Duration.ofHours(2))))).isEqualTo(30_000);
    }

    @Test
    void withoutRetryAfterTheDelayDoublesUpToTheBound() {
        RetryAfterBackoff backoff = startingAt(1000, Duration.ofSeconds(5));
        assertThat(backoff.nextDelayInMillis(busy(Optional.empty()))).isEqualTo(1000);
        assertThat(backoff.nextDelayInMillis(new IOException("connection reset"))).isEqualTo(2000);
        assertThat(backoff.nextDelayInMillis(busy(Optional.empty()))).isEqualTo(4000);
        assertThat(backoff.nextDelayInMillis(busy(Optional.empty()))).isEqualTo(5000);
        assertThat(backoff.nextDelayInMillis(busy(Optional.empty()))).isEqualTo(5000);
    }

    @Test
    void aServerBusyWrappedInAnotherExceptionIsStillHeard() {
        RetryAfterBackoff backoff = startingAt(1000, Duration.ofSeconds(60));
        assertThat(backoff.nextDelayInMillis(new RuntimeException(busy(Optional.of(Duration.ofSeconds(3))))))
                .isEqualTo(3000);
    }

    @Test
    void ourOwnRateLimitIsWaitedOutLikeARetryAfter() {
        RetryAfterBackoff backoff = startingAt(1000, Duration.ofSeconds(60));
        assertThat(backoff.nextDelayInMillis(new RateLimitException(250L))).isEqualTo(250);
    }

    @Test
    void aBoundOutsideOneSecondToOneHourIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new RetryAfterBackoff(Duration.ofMillis(10)))
                .hasMessageContaining("paperstream.http.max-retry-after");
        assertThatThrownBy(() -> new RetryAfterBackoff(Duration.ofHours(2)))
                .hasMessageContaining("paperstream.http.max-retry-after");
    }
}
