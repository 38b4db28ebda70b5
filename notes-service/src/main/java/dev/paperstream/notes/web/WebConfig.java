package dev.paperstream.notes.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The web UI's sign-in: how long a session lasts and how many wrong tokens an address may try. */
@ConfigMapping(prefix = "paperstream.web")
public interface WebConfig {
    /** A session unused this long is over (1 minute to 30 days). */
    @WithDefault("PT8H")
    Duration sessionIdleTimeout();

    /** A session is over this long after sign-in however busy it is (1 minute to 90 days). */
    @WithDefault("P7D")
    Duration sessionMaxAge();

    /** Wrong tokens one remote address may send per minute before sign-in answers 429 (1 to 1000). */
    @WithDefault("5")
    int signInFailuresPerMinute();
}
