package dev.paperstream.ingest.api;

import dev.paperstream.ingest.arxiv.ArxivUnavailableException;
import dev.paperstream.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An on-demand poll or harvest that arXiv does not allow now (blocked after a 403, backing off, or
 * unreachable) answers 503 problem+json saying why, with Retry-After when arXiv named a time.
 */
public class ArxivUnavailableMapper {
    @ServerExceptionMapper
    public Response unavailable(ArxivUnavailableException e, UriInfo uri) {
        Response.ResponseBuilder r = Response.status(503).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank",
                "Service Unavailable", 503, e.getMessage(), uri == null ? null : uri.getPath(), null));
        e.retryAt().ifPresent(at -> r.header("Retry-After",
                Math.max(0, Duration.between(Instant.now(), at).toSeconds())));
        return r.build();
    }
}
