package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.arxiv.ArxivRateLimiter;
import dev.paperstream.ingest.arxiv.ArxivUnavailableException;
import dev.paperstream.ingest.pdf.PdfParserBusyException;
import dev.paperstream.ingest.pdf.UnparseablePdfException;
import dev.paperstream.support.work.WakeableLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Drains {@link PdfFetchQueue} through the polite client, one download at a time, while arXiv allows:
 * nothing is taken while arXiv blocks us (403) or asked every instance to wait, so parked work simply
 * waits, and resumes by itself when the back-off ends or an admin clears the block. A download that
 * arXiv could not serve is put back (unreachable or 5xx: after a doubling back-off from one minute up to
 * an hour); only a record that is bad in itself, a download that is no PDF or a PDF that cannot be
 * parsed, goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class PdfFetchWorker {
    private static final Logger LOG = Logger.getLogger(PdfFetchWorker.class);
    /** Longer than one download can take, waits for the limiter and retries included. */
    private static final Duration LEASE = Duration.ofMinutes(30);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final PdfFetchQueue queue;
    private final PdfFetcher fetcher;
    private final FullTextService fullText;
    private final PdfDeadLetters deadLetters;
    private final ArxivRateLimiter limiter;
    private final WakeableLoop loop;

    public PdfFetchWorker(PdfFetchQueue queue, PdfFetcher fetcher, FullTextService fullText,
            PdfDeadLetters deadLetters, ArxivRateLimiter limiter, FullTextConfig config) {
        this.queue = queue;
        this.fetcher = fetcher;
        this.fullText = fullText;
        this.deadLetters = deadLetters;
        this.limiter = limiter;
        this.loop = new WakeableLoop("pdf-fetch", config.workerPollInterval(), this::round);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (!loop.stop(Duration.ofSeconds(10))) {
            LOG.warn("PDF download still running at shutdown; its lease ends and it is taken again");
        }
    }

    /** Looks for work soon: after a download was parked, or once arXiv allows again. */
    public void wake() {
        loop.wake();
    }

    /** One download; true when more may be waiting now. */
    boolean round() {
        if (limiter.blocked().isPresent() || limiter.backOff().isPresent()) {
            return false;
        }
        Optional<PdfFetchQueue.Parked> next = queue.claimNext(LEASE);
        if (next.isEmpty()) {
            return false;
        }
        PdfFetchQueue.Parked p = next.get();
        if (queue.alreadyParsed(p)) {
            queue.remove(p);
            return true;
        }
        byte[] pdf;
        try {
            pdf = fetcher.fetch(p.id(), p.version());
        } catch (ArxivUnavailableException e) {
            putBack(p, e);
            return false;
        } catch (UnparseablePdfException e) {
            // arXiv answered, with something that is not this paper's PDF (404, a redirect, over the size limit)
            deadLetter(p, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("downloading %s failed, will retry: %s", p.versioned(), e.getMessage());
            queue.retryLater(p, Instant.now().plus(retryDelay(p.attempts())), e.getMessage(), true);
            return false;
        }
        PaperParsed parsed;
        try {
            parsed = fullText.parsePdf(p.id(), p.version(), pdf);
        } catch (PdfParserBusyException e) {
            // says nothing about this PDF: other parses held every slot
            queue.retryLater(p, Instant.now().plus(FIRST_RETRY), e.getMessage(), false);
            return false;
        } catch (RuntimeException e) {
            // downloaded fine, so the PDF itself is the problem: retrying would fail the same way
            deadLetter(p, e.getMessage() == null ? e.toString() : e.getMessage());
            return true;
        }
        queue.complete(p, parsed);
        LOG.infof("%s paper %s: PDF downloaded and parsed", p.priority(), p.versioned());
        return true;
    }

    private void putBack(PdfFetchQueue.Parked p, ArxivUnavailableException e) {
        switch (e.kind()) {
            // the block and the back-off are shared state: the download is due as soon as they end
            case BLOCKED -> queue.retryLater(p, Instant.now(), e.getMessage(), false);
            case BACKING_OFF -> queue.retryLater(p, e.retryAt().orElse(Instant.now()), e.getMessage(), false);
            case UNAVAILABLE -> queue.retryLater(p, Instant.now().plus(retryDelay(p.attempts())), e.getMessage(), true);
        }
        LOG.infof("%s waits for arXiv: %s", p.versioned(), e.getMessage());
    }

    private void deadLetter(PdfFetchQueue.Parked p, String reason) {
        LOG.warnf("%s goes to the dead-letter topic: %s", p.versioned(), reason);
        deadLetters.send(p, reason);
        queue.remove(p);
    }

    static Duration retryDelay(int failedAttempts) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts, 10));
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }
}
