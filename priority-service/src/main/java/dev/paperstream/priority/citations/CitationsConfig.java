package dev.paperstream.priority.citations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where citation counts come from. {@code provider} is {@code none} by default, because a machine
 * without internet would otherwise wait on time-outs; {@code semantic-scholar} or {@code openalex}
 * turn the scheduled refresh on. Pacing, retries and time-outs are the fault-tolerance settings of
 * {@link SemanticScholarApi} and {@link OpenAlexApi}.
 */
@ConfigMapping(prefix = "paperstream.citations")
public interface CitationsConfig {
    @WithDefault("none")
    String provider();

    /** Also the REST Client's address (application.properties maps it, with the same default). */
    @WithDefault("https://api.semanticscholar.org/graph/v1")
    URI s2Url();

    /** Sent as {@code x-api-key}; without it Semantic Scholar shares a small anonymous quota. */
    Optional<String> s2ApiKey();

    @WithDefault("https://api.openalex.org")
    URI openalexUrl();

    /** OpenAlex's "polite pool" asks for a contact address. */
    Optional<String> openalexMailto();

    @WithDefault("PT24H")
    Duration cacheTtl();

    /** How long an unreachable provider is not asked again. */
    @WithDefault("PT5M")
    Duration failureTtl();
}
