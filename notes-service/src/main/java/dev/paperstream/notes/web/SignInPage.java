package dev.paperstream.notes.web;

import dev.paperstream.support.auth.TokenRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Signs in with an API token, which starts a server-side session (the cookie carries only its random id), and
 * out again, which deletes it (also a session started through the OIDC provider, see {@link OidcSignInPage}).
 * Wrong tokens are throttled per remote address.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private final TokenRegistry tokens;
    private final WebSessions sessions;
    private final SignInThrottle throttle;
    private final WebConfig config;
    private final SecurityIdentity identity;

    public SignInPage(TokenRegistry tokens, WebSessions sessions, SignInThrottle throttle, WebConfig config,
            SecurityIdentity identity) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Path("sign-in")
    public Response form() {
        return Response.ok(Templates.signIn(Viewer.of(identity), null, providerName())).build();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @Context HttpServerRequest request) {
        String address = remoteAddress(request);
        long wait = throttle.retryAfterSeconds(address);
        if (wait > 0) {
            return Response.status(429).header("Retry-After", wait).entity(Templates.signIn(Viewer.of(identity),
                    "Too many wrong tokens from your address: try again in " + wait + " s.", providerName())).build();
        }
        String given = token == null ? "" : token.trim();
        Optional<TokenRegistry.Principal> principal = tokens.lookup(given);
        if (principal.isEmpty()) {
            throttle.failed(address);
            return Response.status(401).entity(Templates.signIn(Viewer.of(identity), "That token is not known.",
                    providerName()))
                    .build();
        }
        String id = sessions.create(principal.get().name(), principal.get().roles(), principal.get().teams(), given);
        return Response.seeOther(URI.create("/"))
                .cookie(cookie(id, (int) config.sessionMaxAge().toSeconds(), secure(request))).build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@Context HttpServerRequest request) {
        Cookie session = request.getCookie(SessionCookieMechanism.COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            sessions.delete(session.getValue());
        }
        return Response.seeOther(URI.create("/")).cookie(cookie("", 0, secure(request))).build();
    }

    /** The OIDC provider's name for the "Sign in with" button; null while OIDC sign-in is off. */
    private String providerName() {
        return config.oidc().enabled() ? config.oidc().providerName() : null;
    }

    /** Lax, not Strict: a link to a paper page from Slack or e-mail then opens signed in. */
    static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(SessionCookieMechanism.COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure(secure).maxAge(maxAge).build();
    }

    /**
     * Over HTTPS, directly or behind a proxy that says so. With {@code quarkus.http.proxy.proxy-address-forwarding}
     * on, Quarkus already rewrites the scheme; the header is read too, since a Secure flag set on a plain-HTTP
     * request only costs that request's cookie.
     */
    static boolean secure(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(request.scheme())
                || forwarded != null && "https".equalsIgnoreCase(forwarded.split(",")[0].trim());
    }

    private static String remoteAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
