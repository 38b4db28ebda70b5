package dev.paperstream.ingest.fulltext;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of full-text parsing. */
@ConfigMapping(prefix = "paperstream.fulltext")
public interface FullTextConfig {
    /** Largest PDF or TEI accepted. */
    @WithDefault("50M")
    MemorySize maxBodySize();

    /** PDFs with more pages are refused by the embedded parser. */
    @WithDefault("300")
    int maxPages();
}
