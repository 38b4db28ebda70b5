package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.Priority;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Limits of full-text parsing. */
@ConfigMapping(prefix = "paperstream.fulltext")
public interface FullTextConfig {
    /** Largest PDF or TEI accepted. */
    @WithDefault("50M")
    MemorySize maxBodySize();

    /** PDFs with more pages are refused by the embedded parser, before any text is extracted. */
    @WithDefault("300")
    int maxPages();

    /** Most bytes all of a PDF's non-image streams may decompress to (a decompression bomb is refused). */
    @WithDefault("100M")
    MemorySize maxDecompressedSize();

    /** Longest one embedded parse may take, load, checks and text extraction together. */
    @WithDefault("PT60S")
    Duration maxParseTime();

    /** Most embedded parses running at once (threads of their own); more wait up to max-parse-time for one. */
    @WithDefault("2")
    int maxConcurrentParses();

    /** paper.scored events at or above this priority get their PDF downloaded and parsed. */
    @WithDefault("MEDIUM")
    Priority parseFrom();

    /** Where downloaded PDFs are kept for parsing only (never served), and the cap on its size. */
    @WithDefault("${java.io.tmpdir}/paperstream-pdf-cache")
    Path cacheDir();

    @WithDefault("2G")
    MemorySize cacheMaxSize();

    /**
     * Most PDF downloads waiting for arXiv (table {@code pdf_fetch}); above it a new paper displaces the
     * oldest waiting one of lower priority, or, when none is lower, goes to the dead-letter topic itself.
     */
    @WithDefault("10000")
    int parkedMax();

    /** How often the download worker looks for work from other instances and checks whether arXiv allows again. */
    @WithDefault("PT30S")
    Duration workerPollInterval();
}
