package dev.paperstream.notes.web;

import dev.paperstream.support.auth.AuthConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code paperstream.auth.reads-need-token} on, a visitor who is not signed in sees only the sign-in page:
 * every other page (and the live stream) sends them there. Static assets and {@code /q/} are not pages of this
 * application and stay open; {@code /api/} answers 401 itself, and feeds check their own tokens.
 */
public class SignInRequired {
    private final AuthConfig config;

    public SignInRequired(AuthConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response sendAnonymousVisitorsToSignIn(ContainerRequestContext request) {
        if (!config.readsNeedToken() || request.getSecurityContext().getUserPrincipal() != null) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (path.equals("/sign-in") || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/feeds/")) {
            return null;
        }
        return Response.seeOther(URI.create("/sign-in")).build();
    }
}
