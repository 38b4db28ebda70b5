package dev.paperstream.support.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;

/**
 * A bearer token for the {@link TokenRegistry}. Its own type, so that only {@link TokenIdentityProvider} sees it:
 * OIDC's provider, which takes every {@link TokenAuthenticationRequest}, would try to verify it as a JWT.
 */
public class ConfiguredTokenRequest extends TokenAuthenticationRequest {
    public ConfiguredTokenRequest(TokenCredential token) {
        super(token);
    }
}
