package dev.paperstream.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's work until it no longer fails transiently (see {@link Transience}): pauses
 * {@code paperstream.messaging.retry.initial-backoff}, doubling up to {@code max-backoff}, between attempts,
 * for as long as the outage lasts. The record is neither dead-lettered nor acknowledged meanwhile, so its
 * offset is not committed: SmallRye keeps polling (pausing the partitions), so the consumer stays in its
 * group, and a crash or rebalance during the wait delivers the record again (consumers are idempotent).
 * A failure that is not transient is thrown at once. Logged once when an outage starts on a channel and
 * once when it ends, not per attempt or per record; {@code paperstream_consumer_retrying} counts the
 * channels waiting now. On shutdown the wait ends with {@link Stopped}, which the channels' {@code fail}
 * strategy turns into "not committed", so the record is delivered again after the restart.
 */
@ApplicationScoped
public class TransientRetry {
    private static final Logger LOG = Logger.getLogger(TransientRetry.class);
    private static final Duration SLICE = Duration.ofMillis(100);

    private final Duration initial;
    private final Duration max;
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger channelsWaiting = new AtomicInteger();
    private volatile boolean stopping;

    public TransientRetry(RetryConfig config, MeterRegistry registry) {
        this.initial = bounded(config.initialBackoff(), Duration.ofMillis(10), Duration.ofMinutes(1), "initial-backoff");
        this.max = bounded(config.maxBackoff(), initial, Duration.ofMinutes(5), "max-backoff");
        registry.gauge("paperstream_consumer_retrying", channelsWaiting);
    }

    private static Duration bounded(Duration value, Duration min, Duration max, String name) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("paperstream.messaging.retry." + name + " must be between " + min
                    + " and " + max + ", got " + value);
        }
        return value;
    }

    /** The work's result once an attempt did not fail transiently; a permanent failure is thrown as it is. */
    public <T> T run(String channel, Supplier<T> work) {
        Duration pause = initial;
        long started = 0;
        int retries = 0;
        try {
            while (true) {
                try {
                    return work.get();
                } catch (RuntimeException failure) {
                    Optional<String> why = Transience.reason(failure);
                    if (why.isEmpty()) {
                        throw failure;
                    }
                    if (retries++ == 0) {
                        started = System.nanoTime();
                        outageStarted(channel, why.get());
                    } else {
                        LOG.debugf("%s still failing transiently (retry %d): %s", channel, retries, why.get());
                    }
                    sleep(channel, pause, why.get());
                    pause = pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2);
                }
            }
        } finally {
            if (retries > 0) {
                outageEnded(channel, retries, started);
            }
        }
    }

    public void run(String channel, Runnable work) {
        run(channel, () -> {
            work.run();
            return null;
        });
    }

    /** Whether {@code channel} is waiting out a transient failure now. */
    public boolean isWaiting(String channel) {
        AtomicInteger n = waiting.get(channel);
        return n != null && n.get() > 0;
    }

    private void outageStarted(String channel, String why) {
        if (waiting.computeIfAbsent(channel, c -> new AtomicInteger()).getAndIncrement() == 0) {
            channelsWaiting.incrementAndGet();
            LOG.warnf("%s: transient failure (%s); retrying with back-off from %s up to %s, nothing is dead-lettered"
                    + " or committed until it passes", channel, why, initial, max);
        }
    }

    private void outageEnded(String channel, int retries, long started) {
        if (waiting.get(channel).decrementAndGet() == 0) {
            channelsWaiting.decrementAndGet();
            LOG.infof("%s: transient failure over after %d retries (%d ms)", channel, retries,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void sleep(String channel, Duration pause, String failure) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stopping) {
                    throw new Stopped(channel, failure);
                }
                Thread.sleep(Math.min(SLICE.toMillis(), Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(channel, failure);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * The service stopped while a record waited: it is not committed and will be delivered again. Not
     * transient itself (no cause), so no outer retry waits on it; never dead-lettered.
     */
    public static final class Stopped extends IllegalStateException {
        Stopped(String channel, String transientFailure) {
            super("stopped while " + channel + " waited out a transient failure (" + transientFailure
                    + "); the record will be delivered again");
        }
    }
}
