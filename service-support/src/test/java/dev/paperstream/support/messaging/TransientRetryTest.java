package dev.paperstream.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class TransientRetryTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private TransientRetry retry(Duration initial, Duration max) {
        return new TransientRetry(new RetryConfig() {
            @Override
            public Duration initialBackoff() {
                return initial;
            }

            @Override
            public Duration maxBackoff() {
                return max;
            }
        }, registry);
    }

    private static RuntimeException databaseDown() {
        return new IllegalStateException("cannot record processed events",
                new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
    }

    @Test
    void workFailingTransientlyIsTriedAgainWithDoublingPausesUntilItSucceeds() {
        TransientRetry retry = retry(Duration.ofMillis(20), Duration.ofMillis(80));
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();

        String result = retry.run("paper-scored", () -> {
            if (attempts.incrementAndGet() <= 4) {
                throw databaseDown();
            }
            return "stored";
        });

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(5);
        // pauses 20 + 40 + 80 + 80 (capped)
        assertThat(elapsedMs).isGreaterThanOrEqualTo(220);
        assertThat(retry.isWaiting("paper-scored")).isFalse();
        assertThat(registry.get("paperstream_consumer_retrying").gauge().value()).isZero();
    }

    @Test
    void aPermanentFailureIsThrownAtOnce() {
        TransientRetry retry = retry(Duration.ofMillis(20), Duration.ofMillis(80));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("paper-scored", () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("paper.scored needs a team");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aChannelWaitingOutAnOutageShowsInTheGaugeAndStopsWaitingOnShutdown() throws Exception {
        TransientRetry retry = retry(Duration.ofMillis(50), Duration.ofMillis(200));
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> retry.run("paper-parsed", () -> {
            throw databaseDown();
        }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!retry.isWaiting("paper-parsed") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(registry.get("paperstream_consumer_retrying").gauge().value()).isEqualTo(1.0);

        retry.stop(null);

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TransientRetry.Stopped.class);
        assertThat(Transience.isTransient(new TransientRetry.Stopped("paper-parsed", "x"))).isFalse();
        assertThat(registry.get("paperstream_consumer_retrying").gauge().value()).isZero();
    }

    @Test
    void backOffOutsideItsBoundsIsRefusedAtStartup() {
        assertThatThrownBy(() -> retry(Duration.ofMillis(1), Duration.ofSeconds(1)))
                .hasMessageContaining("initial-backoff");
        assertThatThrownBy(() -> retry(Duration.ofSeconds(1), Duration.ofMinutes(10)))
                .hasMessageContaining("max-backoff");
    }
}
