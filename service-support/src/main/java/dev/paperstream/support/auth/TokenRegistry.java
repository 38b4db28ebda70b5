package dev.paperstream.support.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps bearer tokens to roles. Tokens are kept as SHA-256 digests and compared in constant time. */
@ApplicationScoped
public class TokenRegistry {
    private final Map<String, Principal> byDigest = new HashMap<>();

    public TokenRegistry(AuthConfig config) {
        config.adminToken().filter(t -> !t.isBlank()).ifPresent(t -> register(t, Roles.ADMIN, "admin"));
        config.tokens().ifPresent(list -> list.forEach(entry -> {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("paperstream.auth.tokens entries are role:token, got '"
                        + entry.replaceAll(":.*", ":***") + "'");
            }
            String role = entry.substring(0, colon).trim();
            register(entry.substring(colon + 1).trim(), role, role + "-" + byDigest.size());
        }));
    }

    private void register(String token, String role, String name) {
        byDigest.put(digest(token), new Principal(name, Roles.including(role)));
    }

    public Optional<Principal> lookup(String token) {
        String d = digest(token);
        for (Map.Entry<String, Principal> e : byDigest.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.US_ASCII), d.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Principal(String name, Set<String> roles) {
    }
}
