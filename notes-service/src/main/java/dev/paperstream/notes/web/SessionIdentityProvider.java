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
 * A session id to the identity it was started for, with the roles and teams the token had then. The session
 * also ends when its token has been taken out of the configuration since, or given other roles or teams. The
 * token rides along as an attribute for calls made on the person's behalf.
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
                .filter(s -> tokens.lookup(s.token())
                        .filter(p -> p.roles().equals(s.roles()) && p.teams().equals(s.teams())).isPresent())
                .map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(s.principal()))
                        .addRoles(s.roles())
                        .addAttribute(TOKEN_ATTRIBUTE, s.token())
                        .addAttribute(TeamScope.ATTRIBUTE, s.teams())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("no live web session")));
    }
}
