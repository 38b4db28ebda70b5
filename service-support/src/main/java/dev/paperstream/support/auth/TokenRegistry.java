package dev.paperstream.support.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps bearer tokens to roles. Tokens are kept as SHA-256 digests and compared in constant time. */
@ApplicationScoped
public class TokenRegistry {
    private final Map<String, Principal> byDigest = new HashMap<>();

    public TokenRegistry(AuthConfig config) {
        config.adminToken().filter(t -> !t.isBlank()).ifPresent(t -> register(t, Roles.ADMIN, "admin"));
        List<String> entries = config.tokens().orElse(List.of());
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = entry.indexOf(':');
            // The message never repeats the entry: it would put a secret into the logs.
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("paperstream.auth.tokens entry " + (i + 1) + " is not role:token");
            }
            String role = entry.substring(0, colon).trim();
            register(entry.substring(colon + 1).trim(), role, role + "-" + (i + 1));
        }
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
