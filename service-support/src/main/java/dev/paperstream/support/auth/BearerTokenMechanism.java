package dev.paperstream.support.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Set;

/**
 * {@code Authorization: Bearer <token>} against the {@link TokenRegistry}. With OIDC on
 * ({@code quarkus.oidc.tenant-enabled=true}), a token the registry does not know is left to OIDC's own bearer
 * mechanism, which verifies it as an access token of the configured provider; with OIDC off it is a 401.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {
    private static final String PREFIX = "Bearer ";

    private final TokenRegistry tokens;
    private final boolean oidcEnabled;

    public BearerTokenMechanism(TokenRegistry tokens,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidcEnabled) {
        this.tokens = tokens;
        this.oidcEnabled = oidcEnabled;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String token = header.substring(PREFIX.length()).trim();
        if (oidcEnabled && tokens.lookup(token).isEmpty()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return identityProviderManager.authenticate(
                new ConfiguredTokenRequest(new TokenCredential(token, "bearer")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"paperstream\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ConfiguredTokenRequest.class);
    }

    /** Before OIDC's bearer mechanism: a configured token is never sent to the OIDC provider. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
