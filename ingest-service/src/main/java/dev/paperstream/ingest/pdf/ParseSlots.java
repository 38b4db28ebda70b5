package dev.paperstream.ingest.pdf;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs parses on at most {@code max-concurrent-parses} threads of their own, each under its deadline. A
 * parse that runs out of time stops itself at its next check ({@link ParseDeadline}); one stuck inside
 * PDFBox between checks keeps its thread, but never more than that many threads exist, so abandoned
 * parses cannot pile up. An {@link OutOfMemoryError} ends only the parse that hit it, on its own thread,
 * and is reported as the memory limit; its document is garbage once the parse is over.
 */
final class ParseSlots {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Time for a parse to notice its deadline and return before its caller gives up on it. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final ThreadPoolExecutor executor;
    private final Duration maxParseTime;

    ParseSlots(int slots, Duration maxParseTime) {
        this.maxParseTime = maxParseTime;
        // callers wait at most one parse time for a slot, so a queue longer than a few per slot only holds refusals
        this.executor = new ThreadPoolExecutor(slots, slots, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(slots * 4),
                r -> {
                    Thread t = new Thread(r, "pdf-parse-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    <T> T run(Function<ParseDeadline, T> parse) {
        CompletableFuture<ParseDeadline> started = new CompletableFuture<>();
        Future<T> result;
        try {
            result = executor.submit(() -> {
                ParseDeadline deadline = new ParseDeadline(maxParseTime);
                started.complete(deadline);
                try {
                    return parse.apply(deadline);
                } catch (OutOfMemoryError e) {
                    throw new PdfLimitExceededException(PdfLimitExceededException.Limit.MEMORY, "parsing the PDF ran "
                            + "out of memory (heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                            + " MB shared by at most " + executor.getMaximumPoolSize()
                            + " parses, paperstream.fulltext.max-concurrent-parses)");
                } catch (StackOverflowError e) {
                    throw new UnparseablePdfException("the PDF's objects are nested too deeply to read");
                }
            });
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        ParseDeadline deadline;
        try {
            deadline = started.get(maxParseTime.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw busy();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new PdfParserBusyException("interrupted while waiting for a PDF parse slot");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        try {
            return result.get(maxParseTime.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            deadline.cancel();
            result.cancel(true);
            throw ParseDeadline.exceeded(maxParseTime);
        } catch (InterruptedException e) {
            deadline.cancel();
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new PdfParserBusyException("interrupted while parsing a PDF");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the PDF parse failed: " + e.getCause(), e.getCause());
        }
    }

    private PdfParserBusyException busy() {
        return new PdfParserBusyException("all " + executor.getMaximumPoolSize() + " PDF parse slots "
                + "(paperstream.fulltext.max-concurrent-parses) stayed busy for " + maxParseTime.toSeconds()
                + " s; try again later");
    }
}
