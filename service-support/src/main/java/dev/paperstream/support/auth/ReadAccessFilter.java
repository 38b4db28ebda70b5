package dev.paperstream.support.auth;

import dev.paperstream.support.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code paperstream.auth.reads-need-token}: with it on, every {@code /api/} call without a valid token answers
 * 401 problem+json, reads included (writes need editor or admin in any case, through {@code @RolesAllowed}).
 */
public class ReadAccessFilter {
    private final AuthConfig config;

    public ReadAccessFilter(AuthConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response requireTokenForReads(ContainerRequestContext request) {
        if (!config.readsNeedToken() || request.getSecurityContext().getUserPrincipal() != null
                || !isApi(request.getUriInfo().getPath())) {
            return null;
        }
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paperstream\"")
                .entity(new Problem("about:blank", "Unauthorized", 401,
                        "this service needs a token for reads too: send Authorization: Bearer <token>"
                                + " (any role)", request.getUriInfo().getPath(), null))
                .build();
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
