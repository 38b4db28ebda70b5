package dev.paperstream.support.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps bearer tokens to roles and teams. An entry of {@code paperstream.auth.tokens} is {@code role:token} (every
 * team) or {@code role@teamA+teamB:token} (those teams only); admin tokens are always for every team. Tokens are kept as SHA-256 digests and compared in constant time; one shorter than
 * {@code paperstream.auth.min-token-length} refuses to start the service, since a short token can be guessed.
 */
@Startup
@ApplicationScoped
public class TokenRegistry {
    static final int MIN_TOKEN_LENGTH_FLOOR = 8;
    static final int MIN_TOKEN_LENGTH_CEILING = 256;
    /** The team names every service accepts in a path (notes' {@code TeamName}); no '+', '@' or ':' in them. */
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final Map<String, Principal> byDigest = new HashMap<>();
    private final int minLength;

    public TokenRegistry(AuthConfig config) {
        minLength = config.minTokenLength();
        if (minLength < MIN_TOKEN_LENGTH_FLOOR || minLength > MIN_TOKEN_LENGTH_CEILING) {
            throw new IllegalArgumentException("paperstream.auth.min-token-length must be from "
                    + MIN_TOKEN_LENGTH_FLOOR + " to " + MIN_TOKEN_LENGTH_CEILING + ", got " + minLength);
        }
        config.adminToken().filter(t -> !t.isBlank())
                .ifPresent(t -> register(t, Roles.ADMIN, TeamScope.ALL, "admin", "paperstream.auth.admin-token"));
        List<String> entries = config.tokens().orElse(List.of());
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = entry.indexOf(':');
            // The message never repeats the entry: it would put a secret into the logs.
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("paperstream.auth.tokens entry " + (i + 1)
                        + " is not role:token or role@team+team:token");
            }
            String setting = "paperstream.auth.tokens entry " + (i + 1);
            String head = entry.substring(0, colon).trim();
            int at = head.indexOf('@');
            String role = at < 0 ? head : head.substring(0, at).trim();
            TeamScope teams = at < 0 ? TeamScope.ALL : teams(head.substring(at + 1), role, setting);
            // no '@' in the name: reminders treat a claimer's name that looks like an e-mail address as one
            String name = role + "-" + (i + 1) + (at < 0 ? "" : " (" + teams.describe() + ")");
            register(entry.substring(colon + 1).trim(), role, teams, name, setting);
        }
    }

    private static TeamScope teams(String list, String role, String setting) {
        if (Roles.ADMIN.equals(role)) {
            throw new IllegalArgumentException(setting + ": admin tokens are for every team; give a team-scoped"
                    + " token the editor or viewer role");
        }
        List<String> names = Arrays.stream(list.split("\\+")).map(String::trim).toList();
        for (String team : names) {
            if (!TEAM.matcher(team).matches()) {
                // team names are not secret, but an entry with a typo may hold the token: name the position only
                throw new IllegalArgumentException(setting + " has a team name that is not one (letters, digits,"
                        + " . _ -; at most 64; several joined by +)");
            }
        }
        return TeamScope.of(names);
    }

    private void register(String token, String role, TeamScope teams, String name, String setting) {
        Set<String> roles = Roles.including(role);
        if (token.length() < minLength) {
            throw new IllegalArgumentException(setting + " is " + token.length() + " characters long; tokens need at"
                    + " least " + minLength + " (paperstream.auth.min-token-length): generate one with"
                    + " `openssl rand -hex 24`");
        }
        byDigest.put(Secrets.sha256Hex(token), new Principal(name, roles, teams));
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

    /** A configured token's owner: a name for logs and records, its roles, and the teams it may use. */
    public record Principal(String name, Set<String> roles, TeamScope teams) {
    }
}
