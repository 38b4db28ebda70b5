package dev.paperstream.notes.web;

import dev.paperstream.notes.store.Sql;
import dev.paperstream.support.auth.Secrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

    private final AgroalDataSource dataSource;
    private final WebConfig config;

    public WebSessions(AgroalDataSource dataSource, WebConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        check("paperstream.web.session-idle-timeout", config.sessionIdleTimeout(), Duration.ofDays(30));
        check("paperstream.web.session-max-age", config.sessionMaxAge(), Duration.ofDays(90));
    }

    /** A live session: who signed in, with which roles, and the token they signed in with. */
    public record Session(String principal, Set<String> roles, String token) {
    }

    /** Starts a session; returns the id for the cookie (never stored). */
    public String create(String principal, Set<String> roles, String token) {
        String id = Secrets.random();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (id_hash, principal, roles,"
                        + " sealed_token, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, Secrets.sha256Hex(id));
            ps.setString(2, principal);
            ps.setString(3, String.join(",", new TreeSet<>(roles)));
            ps.setBytes(4, seal(id, token));
            Sql.setInstant(ps, 5, Instant.now().plus(config.sessionMaxAge()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot start a web session", e);
        }
        return id;
    }

    /** The session of a cookie's id, unless it is unknown, idle too long or past its absolute expiry. */
    public Optional<Session> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT principal, roles, sealed_token, last_seen_at"
                        + " FROM web_session WHERE id_hash = ? AND expires_at > now() AND last_seen_at > ?")) {
            String hash = Secrets.sha256Hex(id);
            ps.setString(1, hash);
            Sql.setInstant(ps, 2, Instant.now().minus(config.sessionIdleTimeout()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Session session = new Session(rs.getString(1), Set.of(rs.getString(2).split(",")),
                        unseal(id, rs.getBytes(3)));
                if (Sql.instant(rs, "last_seen_at").isBefore(Instant.now().minus(TOUCH_EVERY))) {
                    touch(c, hash);
                }
                return Optional.of(session);
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot read a web session", e);
        }
    }

    /** Ends a session (sign-out); an unknown id changes nothing. */
    public void delete(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE id_hash = ?")) {
            ps.setString(1, Secrets.sha256Hex(id));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot end a web session", e);
        }
    }

    @Scheduled(every = "10m", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM web_session WHERE expires_at <= now() OR last_seen_at <= ?")) {
            Sql.setInstant(ps, 1, Instant.now().minus(config.sessionIdleTimeout()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot purge expired web sessions", e);
        }
    }

    private static void touch(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE web_session SET last_seen_at = now() WHERE id_hash = ?")) {
            ps.setString(1, hash);
            ps.executeUpdate();
        }
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
