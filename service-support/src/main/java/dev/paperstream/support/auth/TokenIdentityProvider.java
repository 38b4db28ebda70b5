package dev.paperstream.support.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a configured bearer token into an identity with its roles and teams ({@link TeamScope#ATTRIBUTE}). The
 * identity keeps the token as its credential, for calls made to another service on the caller's behalf. A token
 * it does not know is left to the next provider (OIDC's, when OIDC is on); when none knows it, the request
 * fails with 401.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final TokenRegistry tokens;

    public TokenIdentityProvider(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.lookup(request.getToken().getToken())
                .map(p -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(p.name()))
                        .addRoles(p.roles())
                        .addCredential(request.getToken())
                        .addAttribute(TeamScope.ATTRIBUTE, p.teams())
                        .build()))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** Before OIDC's provider, which would otherwise try to verify a configured token as a JWT. */
    @Override
    public int priority() {
        return 100;
    }
}
