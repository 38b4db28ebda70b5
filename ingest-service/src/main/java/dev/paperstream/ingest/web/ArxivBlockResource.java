package dev.paperstream.ingest.web;

import dev.paperstream.ingest.arxiv.ArxivRateLimiter;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The 403 stop: see it, and clear it once the cause is fixed (admin only). */
@Path("/api/arxiv/block")
@Produces(MediaType.APPLICATION_JSON)
public class ArxivBlockResource {
    private final ArxivRateLimiter limiter;

    public ArxivBlockResource(ArxivRateLimiter limiter) {
        this.limiter = limiter;
    }

    @GET
    public ArxivRateLimiter.Block get() {
        return limiter.blocked().orElseThrow(() -> ProblemException.notFound("arXiv is not blocking us"));
    }

    @DELETE
    @RolesAllowed("admin")
    public void clear() {
        limiter.unblock();
    }
}
