package dev.paperstream.ingest.grobid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The GROBID server; unset means the embedded parser does all the work. */
@ConfigMapping(prefix = "paperstream.grobid")
public interface GrobidConfig {
    Optional<URI> url();

    /** Documents sent to GROBID at the same time; GROBID answers 503 when its own pool is full. */
    @WithDefault("2")
    int maxConcurrency();

    @WithDefault("4")
    int maxAttempts();

    /** First wait after a 503 without Retry-After; doubles on each retry. */
    @WithDefault("PT2S")
    Duration backoff();

    @WithDefault("PT180S")
    Duration timeout();
}
