package dev.paperstream.support.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a configured bearer token into an identity with its roles and teams ({@link TeamScope#ATTRIBUTE}), or
 * fails for an unknown token. The identity keeps the token as its credential, for calls made to another service
 * on the caller's behalf.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<ConfiguredTokenRequest> {
    private final TokenRegistry tokens;

    public TokenIdentityProvider(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ConfiguredTokenRequest> getRequestType() {
        return ConfiguredTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConfiguredTokenRequest request, AuthenticationRequestContext context) {
        return tokens.lookup(request.getToken().getToken())
                .map(p -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(p.name()))
                        .addRoles(p.roles())
                        .addCredential(request.getToken())
                        .addAttribute(TeamScope.ATTRIBUTE, p.teams())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown bearer token")));
    }
}
