package dev.paperstream.notes.web;

import dev.paperstream.notes.store.WebSessionEntity;
import dev.paperstream.notes.store.WebSessionRepository;
import dev.paperstream.support.auth.Secrets;
import dev.paperstream.support.auth.TeamScope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-side sessions of the web UI. The cookie carries a random id; the table keeps its SHA-256 with the
 * identity, roles and expiry, and the API token sealed (AES-GCM) with a key derived from the id, so that neither
 * the table nor the cookie alone reveals the token.
 */
@ApplicationScoped
public class WebSessions {
    /** Refreshing last-seen on every request would write on every page view; a minute's slack is plenty. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSessionRepository sessions;
    private final WebConfig config;

    public WebSessions(WebSessionRepository sessions, WebConfig config) {
        this.sessions = sessions;
        this.config = config;
        check("paperstream.web.session-idle-timeout", config.sessionIdleTimeout(), Duration.ofDays(30));
        check("paperstream.web.session-max-age", config.sessionMaxAge(), Duration.ofDays(90));
    }

    /** How a session was started: with an API token on the sign-in form, or through the OIDC provider. */
    public enum SignInMethod {
        TOKEN, OIDC;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A live session: who signed in, how, with which roles and teams, and the token they signed in with (an OIDC
     * session's token is the provider's access token).
     */
    public record Session(String principal, Set<String> roles, TeamScope teams, String token, SignInMethod method) {
    }

    /** Starts a session signed in with an API token; returns the id for the cookie (never stored). */
    public String create(String principal, Set<String> roles, TeamScope teams, String token) {
        return create(principal, roles, teams, token, SignInMethod.TOKEN);
    }

    /** Starts a session; returns the id for the cookie (never stored). */
    public String create(String principal, Set<String> roles, TeamScope teams, String token, SignInMethod method) {
        String id = Secrets.random();
        WebSessionEntity session = new WebSessionEntity();
        session.idHash = Secrets.sha256Hex(id);
        session.principal = principal;
        session.roles = String.join(",", new TreeSet<>(roles));
        session.sealedToken = seal(id, token);
        session.createdAt = Instant.now();
        session.lastSeenAt = session.createdAt;
        session.expiresAt = session.createdAt.plus(config.sessionMaxAge());
        session.teams = teams.allTeams() ? null : String.join(",", new TreeSet<>(teams.teams()));
        session.signedInWith = method.column();
        sessions.create(session);
        return id;
    }

    /** The session of a cookie's id, unless it is unknown, idle too long or past its absolute expiry. */
    public Optional<Session> find(String id) {
        String hash = Secrets.sha256Hex(id);
        return sessions.findLive(hash, Instant.now().minus(config.sessionIdleTimeout())).map(stored -> {
            if (stored.lastSeenAt.isBefore(Instant.now().minus(TOUCH_EVERY))) {
                sessions.touch(hash);
            }
            return new Session(stored.principal, Set.of(stored.roles.split(",")),
                    stored.teams == null ? TeamScope.ALL
                            : stored.teams.isEmpty() ? TeamScope.NONE
                            : TeamScope.of(Arrays.asList(stored.teams.split(","))),
                    unseal(id, stored.sealedToken), SignInMethod.valueOf(stored.signedInWith.toUpperCase(Locale.ROOT)));
        });
    }

    /** Ends a session (sign-out); an unknown id changes nothing. */
    public void delete(String id) {
        sessions.deleteByHash(Secrets.sha256Hex(id));
    }

    @Scheduled(every = "10m", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        sessions.purgeExpired(Instant.now().minus(config.sessionIdleTimeout()));
    }

    private static byte[] seal(String id, String token) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(id), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unseal(String id, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(id), new GCMParameterSpec(128, sealed, 0, 12));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Not the stored hash: that one is in the table, this one must not be derivable from it. */
    private static SecretKeySpec key(String id) {
        byte[] material = Secrets.sha256(("paperstream web session key\0" + id).getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(Arrays.copyOf(material, 32), "AES");
    }

    private static void check(String name, Duration value, Duration max) {
        if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be from PT1M to " + max + ", got " + value);
        }
    }
}
