package dev.paperstream.notes.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong sign-in tokens per remote address in a sliding minute: past {@code paperstream.web.sign-in-failures-per-minute}
 * the address waits until its oldest failure is a minute old. Kept per instance (with several instances an
 * address gets that many tries on each), which still turns guessing a 24-character token into centuries.
 */
@ApplicationScoped
public class SignInThrottle {
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses tracked at most; past it the oldest idle ones are forgotten first. */
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int allowed;
    private final Clock clock;

    @Inject
    public SignInThrottle(WebConfig config) {
        this(config.signInFailuresPerMinute(), Clock.systemUTC());
    }

    SignInThrottle(int allowed, Clock clock) {
        if (allowed < 1 || allowed > 1000) {
            throw new IllegalArgumentException(
                    "paperstream.web.sign-in-failures-per-minute must be from 1 to 1000, got " + allowed);
        }
        this.allowed = allowed;
        this.clock = clock;
    }

    /** Zero when {@code address} may try now, else the whole seconds until it may. */
    public long retryAfterSeconds(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant now = clock.instant();
            forgetOld(times, now);
            if (times.size() < allowed) {
                return 0;
            }
            return Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
        }
    }

    public void failed(String address) {
        if (failures.size() >= MAX_ADDRESSES) {
            Instant now = clock.instant();
            failures.values().removeIf(times -> {
                synchronized (times) {
                    forgetOld(times, now);
                    return times.isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > allowed) {
                times.removeFirst();
            }
        }
    }

    private static void forgetOld(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
