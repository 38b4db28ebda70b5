package dev.paperstream.ingest.pdf;

import java.time.Duration;

/**
 * The time one parse may take, checked by the parse itself between content-stream operators and while
 * streams decompress: PDFBox ignores thread interrupts, so a parse that ran out of time stops itself here
 * instead of running on after its caller gave up.
 */
final class ParseDeadline {
    private final Duration limit;
    private final long deadlineNanos;
    private volatile boolean cancelled;

    ParseDeadline(Duration limit) {
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    void cancel() {
        cancelled = true;
    }

    void check() {
        if (cancelled || System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
            throw exceeded(limit);
        }
    }

    static PdfLimitExceededException exceeded(Duration limit) {
        return new PdfLimitExceededException(PdfLimitExceededException.Limit.TIME, "parsing the PDF took longer than "
                + "the limit of " + limit.toSeconds() + " s (paperstream.fulltext.max-parse-time)");
    }
}
