package dev.paperstream.notes.web;

import dev.paperstream.support.auth.TeamScope;
import dev.paperstream.support.auth.TokenRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A session id to the identity it was started for, with the roles and teams the token had then. A session
 * started with a token also ends when that token has been taken out of the configuration since, or given other
 * roles or teams; one started through the OIDC provider keeps the roles and teams its ID token named until it
 * ends. The token rides along as an attribute for calls made on the person's behalf.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {
    /** The API token behind a session identity: the team page passes it on to the priority service. */
    public static final String TOKEN_ATTRIBUTE = "paperstream.token";

    private final WebSessions sessions;
    private final TokenRegistry tokens;

    public SessionIdentityProvider(WebSessions sessions, TokenRegistry tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.sessionId())
                .filter(this::stillGranted)
                .map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(s.principal()))
                        .addRoles(s.roles())
                        .addAttribute(TOKEN_ATTRIBUTE, s.token())
                        .addAttribute(TeamScope.ATTRIBUTE, s.teams())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("no live web session")));
    }

    private boolean stillGranted(WebSessions.Session session) {
        return session.method() == WebSessions.SignInMethod.OIDC || tokens.lookup(session.token())
                .filter(p -> p.roles().equals(session.roles()) && p.teams().equals(session.teams())).isPresent();
    }
}
