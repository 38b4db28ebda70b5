package dev.paperstream.notes.web;

import dev.paperstream.support.auth.TokenRegistry;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Signs in with an API token (kept in an HttpOnly cookie) and out again. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private final TokenRegistry tokens;
    private final SecurityIdentity identity;

    public SignInPage(TokenRegistry tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form() {
        return Templates.signIn(Viewer.of(identity), null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        if (token == null || tokens.lookup(token.trim()).isEmpty()) {
            return Response.status(401).entity(Templates.signIn(Viewer.of(identity), "That token is not known.")).build();
        }
        return Response.seeOther(URI.create("/")).cookie(cookie(token.trim(), NewCookie.DEFAULT_MAX_AGE)).build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        return Response.seeOther(URI.create("/")).cookie(cookie("", 0)).build();
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(SessionCookieMechanism.COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
