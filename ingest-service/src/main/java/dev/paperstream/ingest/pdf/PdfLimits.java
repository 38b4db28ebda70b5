package dev.paperstream.ingest.pdf;

import java.time.Duration;

/**
 * What one PDF may cost the embedded parser before it is refused: pages, bytes its streams decompress to,
 * wall-clock time, and how many parses may run at once (each parse holds its document and one decoded
 * stream at a time in the heap, so this caps the heap that parsing can take).
 */
public record PdfLimits(int maxPages, long maxDecompressedBytes, Duration maxParseTime, int maxConcurrentParses) {
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 100L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_PARSE_TIME = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONCURRENT_PARSES = 2;

    public PdfLimits {
        require(maxPages >= 1 && maxPages <= 100_000, "paperstream.fulltext.max-pages must be 1..100000", maxPages);
        require(maxDecompressedBytes >= 1024 * 1024 && maxDecompressedBytes <= 1024L * 1024 * 1024,
                "paperstream.fulltext.max-decompressed-size must be 1M..1G", maxDecompressedBytes);
        require(!maxParseTime.isNegative() && maxParseTime.compareTo(Duration.ofSeconds(1)) >= 0
                && maxParseTime.compareTo(Duration.ofMinutes(30)) <= 0,
                "paperstream.fulltext.max-parse-time must be PT1S..PT30M", maxParseTime);
        require(maxConcurrentParses >= 1 && maxConcurrentParses <= 64,
                "paperstream.fulltext.max-concurrent-parses must be 1..64", maxConcurrentParses);
    }

    /** The default limits with another page limit. */
    public static PdfLimits withMaxPages(int maxPages) {
        return new PdfLimits(maxPages, DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_PARSE_TIME,
                DEFAULT_MAX_CONCURRENT_PARSES);
    }

    private static void require(boolean ok, String message, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", is " + value);
        }
    }
}
