package dev.paperstream.notes.web;

import dev.paperstream.support.auth.AuthConfig;
import dev.paperstream.support.auth.Roles;
import dev.paperstream.support.auth.TeamScope;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sign-in through the OIDC provider ({@code paperstream.web.oidc.enabled}). quarkus-oidc's {@code web} tenant runs
 * the authorization code flow on this path (redirect to the provider, code exchange, ID token check); once it has,
 * the ID token's roles and teams (read by service-support's OidcClaimsAugmentor with the same claim names as
 * bearer tokens) start the same kind of web session as the token form, and quarkus-oidc's own session cookie is
 * dropped: from here on the person is signed in by {@code paperstream_session} alone.
 */
@Path("/sign-in/oidc")
@Produces(MediaType.TEXT_HTML)
public class OidcSignInPage {
    private final WebSessions sessions;
    private final WebConfig config;
    private final AuthConfig auth;
    private final SecurityIdentity identity;
    private final OidcSession oidcSession;
    private final Template refused;

    public OidcSignInPage(WebSessions sessions, WebConfig config, AuthConfig auth, SecurityIdentity identity,
            OidcSession oidcSession, @Location("oidcRefused.html") Template refused) {
        this.sessions = sessions;
        this.config = config;
        this.auth = auth;
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.refused = refused;
    }

    @GET
    public Response signIn(@Context HttpServerRequest request) {
        // off, nothing here: without the switch the HTTP permission that starts the code flow is off too
        if (!config.oidc().enabled() || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return Response.status(404).entity("").build();
        }
        Set<String> roles = new TreeSet<>(identity.getRoles().stream().filter(Roles::isRole).toList());
        oidcSession.logout().await().indefinitely();
        if (roles.isEmpty()) {
            return Response.status(403).entity(refused.data("viewer", Viewer.of(null))
                    .data("provider", config.oidc().providerName()).data("name", idToken.getName())
                    .data("claim", auth.oidc().rolesClaim()).render()).build();
        }
        TeamScope teams = identity.getAttribute(TeamScope.ATTRIBUTE);
        AccessTokenCredential accessToken = identity.getCredential(AccessTokenCredential.class);
        String id = sessions.create(idToken.getName(), roles, teams == null ? TeamScope.NONE : teams,
                accessToken == null ? "" : accessToken.getToken(), WebSessions.SignInMethod.OIDC);
        return Response.seeOther(URI.create("/"))
                .cookie(SignInPage.cookie(id, (int) config.sessionMaxAge().toSeconds(), SignInPage.secure(request)))
                .build();
    }
}
