package dev.paperstream.notes.web;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The person's own token, passed on to priority so that it applies its own role check and knows who acted: the one
 * their web session was started with, or the request's bearer token; null for an anonymous visitor.
 */
final class CallerToken {
    private CallerToken() {
    }

    static String of(SecurityIdentity identity) {
        String sessionToken = identity.getAttribute(SessionIdentityProvider.TOKEN_ATTRIBUTE);
        if (sessionToken != null) {
            return sessionToken;
        }
        TokenCredential bearer = identity.getCredential(TokenCredential.class);
        return bearer == null ? null : bearer.getToken();
    }
}
