package dev.paperstream.ingest.grobid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * The GROBID server; unset means the embedded parser does all the work. Retries, time-outs and the circuit
 * breaker are {@link GrobidApi}'s fault-tolerance settings.
 */
@ConfigMapping(prefix = "paperstream.grobid")
public interface GrobidConfig {
    Optional<URI> url();

    /** Documents sent to GROBID at the same time; GROBID answers 503 when its own pool is full. */
    @WithDefault("2")
    int maxConcurrency();
}
