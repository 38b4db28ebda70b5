package dev.paperstream.priority.citations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where citation counts come from. {@code provider} is {@code none} by default, because a machine
 * without internet would otherwise wait on time-outs; {@code semantic-scholar} or {@code openalex}
 * turn the scheduled refresh on.
 */
@ConfigMapping(prefix = "paperstream.citations")
public interface CitationsConfig {
    @WithDefault("none")
    String provider();

    @WithDefault("https://api.semanticscholar.org/graph/v1")
    String s2Url();

    /** Sent as {@code x-api-key}; without it Semantic Scholar shares a small anonymous quota. */
    Optional<String> s2ApiKey();

    @WithDefault("https://api.openalex.org")
    String openalexUrl();

    /** OpenAlex's "polite pool" asks for a contact address. */
    Optional<String> openalexMailto();

    /** At most one request per interval to the provider, across this instance. */
    @WithDefault("PT1S")
    Duration minInterval();

    @WithDefault("PT24H")
    Duration cacheTtl();

    /** How long an unreachable provider is not asked again. */
    @WithDefault("PT5M")
    Duration failureTtl();

    @WithDefault("PT10S")
    Duration timeout();

    /** Retries after a 429 or 5xx, with exponential back-off or the server's Retry-After. */
    @WithDefault("3")
    int maxRetries();
}
