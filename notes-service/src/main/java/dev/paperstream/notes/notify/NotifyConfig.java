package dev.paperstream.notes.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Notification delivery settings. */
@ConfigMapping(prefix = "paperstream.notify")
public interface NotifyConfig {
    /** The web UI's address as readers see it, for links in messages and the Atom feed. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /** The e-mail sender address. */
    @WithDefault("paperstream@localhost")
    String from();

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; it doubles with each failed attempt, up to {@link #maxBackoff()}. */
    @WithDefault("PT2S")
    Duration firstBackoff();

    @WithDefault("PT30M")
    Duration maxBackoff();

    /** Per request: connecting, and again waiting for the answer's status. */
    @WithDefault("PT5S")
    Duration httpTimeout();

    /**
     * How long a claimed delivery belongs to the worker that claimed it. A send starts only while it can still end
     * (twice {@link #httpTimeout()}) within the lease; a worker that dies leaves its claims to others after it.
     */
    @WithDefault("PT2M")
    Duration claimLease();

    /**
     * How often the delivery worker looks for retries that came due; new announcements wake it at once.
     */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * How often overdue queue items are looked for and reminded of (between PT1M and PT24H); the first check runs
     * one interval after start.
     */
    @WithDefault("PT15M")
    Duration overdueCheckInterval();

    /** Overdue items reminded of per check at most (1 to 5000); the rest wait for the next check. */
    @WithDefault("500")
    int overduePageSize();
}
