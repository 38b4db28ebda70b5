package dev.paperstream.priority.api;

import dev.paperstream.support.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Profiles and explained papers are small: a larger body is refused before it is read. */
public class PayloadLimit {
    static final int MAX_BYTES = 64 * 1024;

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES && request.getUriInfo().getPath().startsWith("/api/")) {
            String detail = "request body of " + request.getLength() + " bytes is over the limit of " + MAX_BYTES;
            return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", "Content Too Large", 413, detail,
                            request.getUriInfo().getPath(), null))
                    .build());
        }
        return Optional.empty();
    }
}
