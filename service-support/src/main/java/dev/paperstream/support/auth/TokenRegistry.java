package dev.paperstream.support.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps bearer tokens to roles. Tokens are kept as SHA-256 digests and compared in constant time; one shorter than
 * {@code paperstream.auth.min-token-length} refuses to start the service, since a short token can be guessed.
 */
@Startup
@ApplicationScoped
public class TokenRegistry {
    static final int MIN_TOKEN_LENGTH_FLOOR = 8;
    static final int MIN_TOKEN_LENGTH_CEILING = 256;

    private final Map<String, Principal> byDigest = new HashMap<>();
    private final int minLength;

    public TokenRegistry(AuthConfig config) {
        minLength = config.minTokenLength();
        if (minLength < MIN_TOKEN_LENGTH_FLOOR || minLength > MIN_TOKEN_LENGTH_CEILING) {
            throw new IllegalArgumentException("paperstream.auth.min-token-length must be from "
                    + MIN_TOKEN_LENGTH_FLOOR + " to " + MIN_TOKEN_LENGTH_CEILING + ", got " + minLength);
        }
        config.adminToken().filter(t -> !t.isBlank())
                .ifPresent(t -> register(t, Roles.ADMIN, "admin", "paperstream.auth.admin-token"));
        List<String> entries = config.tokens().orElse(List.of());
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = entry.indexOf(':');
            // The message never repeats the entry: it would put a secret into the logs.
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("paperstream.auth.tokens entry " + (i + 1) + " is not role:token");
            }
            String role = entry.substring(0, colon).trim();
            register(entry.substring(colon + 1).trim(), role, role + "-" + (i + 1),
                    "paperstream.auth.tokens entry " + (i + 1));
        }
    }

    private void register(String token, String role, String name, String setting) {
        Set<String> roles = Roles.including(role);
        if (token.length() < minLength) {
            throw new IllegalArgumentException(setting + " is " + token.length() + " characters long; tokens need at"
                    + " least " + minLength + " (paperstream.auth.min-token-length): generate one with"
                    + " `openssl rand -hex 24`");
        }
        byDigest.put(Secrets.sha256Hex(token), new Principal(name, roles));
    }

    public Optional<Principal> lookup(String token) {
        String d = Secrets.sha256Hex(token);
        for (Map.Entry<String, Principal> e : byDigest.entrySet()) {
            if (Secrets.sameDigest(e.getKey(), d)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public record Principal(String name, Set<String> roles) {
    }
}
