package dev.paperstream.support.net;

import java.time.Duration;
import java.util.Optional;

/**
 * A server said "not now" (429, or 502/503/504 of a gateway or a busy GROBID), with the wait it asked for in
 * {@code Retry-After} when it gave one. {@link RetryAfterBackoff} waits exactly that before the next try.
 */
public class ServerBusyException extends RuntimeException {
    private final int status;
    private final transient Optional<Duration> retryAfter;

    public ServerBusyException(int status, Optional<Duration> retryAfter, String message) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The statuses that mean "try again later" rather than "this request is wrong". */
    public static boolean isBusy(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
