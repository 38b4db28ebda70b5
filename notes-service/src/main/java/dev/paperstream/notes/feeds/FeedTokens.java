package dev.paperstream.notes.feeds;

import dev.paperstream.notes.store.Sql;
import dev.paperstream.support.auth.Secrets;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Per-team feed tokens: made by editors, stored as SHA-256, shown once, revocable. */
@ApplicationScoped
public class FeedTokens {
    private final AgroalDataSource dataSource;

    public FeedTokens(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A token as listed: never the token itself, which only its creator saw once. */
    public record FeedToken(long id, String team, String createdBy, Instant createdAt, Instant revokedAt,
            boolean revoked) {
    }

    /** A new token, with the token in clear: the only time it exists outside the feed reader. */
    public record Created(long id, String token) {
    }

    public Created create(String team, String createdBy) {
        String token = Secrets.random();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO feed_token (team, token_hash, created_by) VALUES (?, ?, ?) RETURNING id")) {
            ps.setString(1, team);
            ps.setString(2, Secrets.sha256Hex(token));
            ps.setString(3, createdBy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Created(rs.getLong(1), token);
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot make a feed token for " + team, e);
        }
    }

    /** Newest first, revoked ones too (they say who made them and when they stopped working). */
    public List<FeedToken> list(String team) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, team, created_by, created_at, revoked_at"
                        + " FROM feed_token WHERE team = ? ORDER BY id DESC LIMIT 200")) {
            ps.setString(1, team);
            List<FeedToken> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FeedToken(rs.getLong("id"), rs.getString("team"), rs.getString("created_by"),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at"),
                            rs.getObject("revoked_at") != null));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot list the feed tokens of " + team, e);
        }
    }

    /** False when the team has no such token; revoking a revoked one again changes nothing. */
    public boolean revoke(String team, long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE feed_token SET revoked_at = coalesce(revoked_at, now())"
                        + " WHERE team = ? AND id = ?")) {
            ps.setString(1, team);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("cannot revoke a feed token of " + team, e);
        }
    }

    /** Whether {@code token} opens {@code team}'s feed: it was made for that team and is not revoked. */
    public boolean opens(String team, String token) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM feed_token"
                        + " WHERE token_hash = ? AND team = ? AND revoked_at IS NULL")) {
            ps.setString(1, Secrets.sha256Hex(token));
            ps.setString(2, team);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot check a feed token of " + team, e);
        }
    }

    public static String url(String publicUrl, String team, String token) {
        return publicUrl.replaceAll("/+$", "") + "/feeds/" + team + "/" + token + ".atom";
    }
}
