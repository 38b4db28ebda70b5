package dev.paperstream.ingest.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of {@code POST /api/imports}. */
@ConfigMapping(prefix = "paperstream.imports")
public interface ImportConfig {
    /** Largest document accepted; a larger body is answered with 413. */
    @WithDefault("20M")
    MemorySize maxBodySize();
}
