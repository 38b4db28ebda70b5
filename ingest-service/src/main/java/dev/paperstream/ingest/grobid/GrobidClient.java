package dev.paperstream.ingest.grobid;

import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.support.net.ServerBusyException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * GROBID for the full-text pipeline: {@code processFulltextDocument} (parsed into a {@link TeiParser.Structure})
 * and {@code processHeaderDocument} (raw TEI), through {@link GrobidApi}, which retries GROBID's 503s. At most
 * {@code max-concurrency} documents are in flight; a caller over it waits for a slot (a fault-tolerance bulkhead
 * would turn it away, and the PDF would lose GROBID for nothing). Each call checks the address with
 * {@link OutboundUrls}: a GROBID inside the network (as in compose or Kubernetes) must be allowed by name.
 */
public class GrobidClient {
    private final URI base;
    private final GrobidApi api;
    private final Semaphore slots;
    private final OutboundUrls outbound;

    public GrobidClient(URI base, GrobidApi api, GrobidConfig config, OutboundUrls outbound) {
        this.base = base;
        this.api = api;
        this.outbound = outbound;
        this.slots = new Semaphore(config.maxConcurrency(), true);
    }

    /** GROBID is down, keeps answering 503, or refuses the document; the caller may fall back. */
    public static class GrobidUnavailableException extends RuntimeException {
        public GrobidUnavailableException(String message) {
            super(message);
        }
    }

    public TeiParser.Structure processFulltext(byte[] pdf) {
        return TeiParser.parse(new ByteArrayInputStream(
                call("processFulltextDocument", p -> api.processFulltextDocument(p, "0"), pdf)));
    }

    public String processHeader(byte[] pdf) {
        return new String(call("processHeaderDocument", p -> api.processHeaderDocument(p, "0"), pdf),
                StandardCharsets.UTF_8);
    }

    private byte[] call(String service, Function<byte[], byte[]> request, byte[] pdf) {
        try {
            outbound.check(base);
        } catch (OutboundUrls.Refused e) {
            throw new GrobidUnavailableException("GROBID at " + base + " is not called: " + e.getMessage());
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GrobidUnavailableException("interrupted while waiting for GROBID");
        }
        try {
            return request.apply(pdf);
        } catch (ServerBusyException e) {
            throw new GrobidUnavailableException("GROBID " + e.getMessage() + " for " + service
                    + ", and still after its retries");
        } catch (WebApplicationException e) {
            throw new GrobidUnavailableException("GROBID answered " + e.getResponse().getStatus() + " for " + service);
        } catch (CircuitBreakerOpenException e) {
            throw new GrobidUnavailableException("GROBID at " + base + " failed for most recent documents;"
                    + " not called for a while");
        } catch (TimeoutException e) {
            throw new GrobidUnavailableException("GROBID did not answer " + service + " in time");
        } catch (ProcessingException e) {
            throw new GrobidUnavailableException("GROBID at " + base + " cannot be reached: " + rootMessage(e));
        } finally {
            slots.release();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
