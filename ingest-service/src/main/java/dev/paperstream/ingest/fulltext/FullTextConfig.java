package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.Priority;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Limits of full-text parsing. */
@ConfigMapping(prefix = "paperstream.fulltext")
public interface FullTextConfig {
    /** Largest PDF or TEI accepted. */
    @WithDefault("50M")
    MemorySize maxBodySize();

    /** PDFs with more pages are refused by the embedded parser. */
    @WithDefault("300")
    int maxPages();

    /** paper.scored events at or above this priority get their PDF downloaded and parsed. */
    @WithDefault("MEDIUM")
    Priority parseFrom();

    /** Where downloaded PDFs are kept for parsing only (never served), and the cap on its size. */
    @WithDefault("${java.io.tmpdir}/paperstream-pdf-cache")
    Path cacheDir();

    @WithDefault("2G")
    MemorySize cacheMaxSize();
}
