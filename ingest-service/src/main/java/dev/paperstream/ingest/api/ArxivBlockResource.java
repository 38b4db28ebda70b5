package dev.paperstream.ingest.api;

import dev.paperstream.ingest.arxiv.ArxivRateLimiter;
import dev.paperstream.ingest.fulltext.PdfFetchWorker;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The 403 stop, which a 403 from any arXiv host (API, RSS, OAI-PMH, PDFs) sets for every instance: see
 * it, and clear it once the cause is fixed (admin only). Clearing wakes this instance's parked PDF
 * downloads at once; other instances notice within {@code paperstream.fulltext.worker-poll-interval}.
 */
@Path("/api/arxiv/block")
@Produces(MediaType.APPLICATION_JSON)
public class ArxivBlockResource {
    private final ArxivRateLimiter limiter;
    private final PdfFetchWorker pdfDownloads;

    public ArxivBlockResource(ArxivRateLimiter limiter, PdfFetchWorker pdfDownloads) {
        this.limiter = limiter;
        this.pdfDownloads = pdfDownloads;
    }

    @GET
    public ArxivRateLimiter.Block get() {
        return limiter.blocked().orElseThrow(() -> ProblemException.notFound("arXiv is not blocking us"));
    }

    @DELETE
    @RolesAllowed("admin")
    public void clear() {
        limiter.unblock();
        pdfDownloads.wake();
    }
}
