package dev.paperstream.notes.notify;

import dev.paperstream.notes.db.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The delivery outbox: one row per (paper, team, channel), created once and delivered with retries. */
@ApplicationScoped
public class NotificationRepository {
    private final AgroalDataSource dataSource;

    public NotificationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Plans the announcement of each (paper, team) on every channel of the team, in one statement; a second
     * call for the same pair adds nothing. Answers the pairs that got a delivery.
     */
    public List<Planned> announceAll(List<String> paperIds, List<String> teams) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO notification (paper_id, team, kind, target)
                        SELECT a.paper_id, t.team, t.kind, t.target
                        FROM unnest(?::text[], ?::text[]) AS a(paper_id, team) JOIN team_channel t ON t.team = a.team
                        ON CONFLICT DO NOTHING
                        RETURNING paper_id, team""")) {
            ps.setArray(1, Sql.textArray(c, paperIds));
            ps.setArray(2, Sql.textArray(c, teams));
            java.util.Set<Planned> planned = new java.util.LinkedHashSet<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    planned.add(new Planned(rs.getString(1), rs.getString(2)));
                }
            }
            return List.copyOf(planned);
        } catch (SQLException e) {
            throw Sql.failure("cannot plan notifications of " + paperIds.size() + " papers", e);
        }
    }

    /** A (paper, team) whose announcement was planned. */
    public record Planned(String paperId, String team) {
    }

    /** Due deliveries whose paper is known, locked for this transaction so no other instance sends them. */
    public List<Due> lockDue(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT n.*, ch.secret FROM notification n
                        JOIN paper p ON p.id = n.paper_id
                        LEFT JOIN team_channel ch ON ch.team = n.team AND ch.kind = n.kind AND ch.target = n.target
                        WHERE n.status = 'PENDING' AND n.next_attempt_at <= now()
                        ORDER BY n.next_attempt_at LIMIT ? FOR UPDATE OF n SKIP LOCKED""")) {
            ps.setInt(1, limit);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(read(rs), rs.getString("secret")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read due notifications", e);
        }
    }

    public record Due(Delivery delivery, String secret) {
    }

    public void delivered(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE notification SET status = 'DELIVERED',"
                        + " attempts = attempts + 1, delivered_at = clock_timestamp(), last_error = NULL"
                        + " WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot record deliveries " + ids, e);
        }
    }

    /** Records a failed attempt; {@code retryAt} null gives up for good. */
    public void failed(long id, String error, Instant retryAt) {
        String sql = retryAt == null
                ? "UPDATE notification SET attempts = attempts + 1, last_error = ?, status = 'FAILED' WHERE id = ?"
                : "UPDATE notification SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, error);
            if (retryAt == null) {
                ps.setLong(2, id);
            } else {
                Sql.setInstant(ps, 2, retryAt);
                ps.setLong(3, id);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot record failed delivery " + id, e);
        }
    }

    /** Newest first, as shown ({@link Delivery#shown()}); {@code team} or {@code paperId} may be null for "any". */
    public List<Delivery> list(String team, String paperId, int limit) {
        String sql = "SELECT * FROM notification WHERE (?::text IS NULL OR team = ?) AND (?::text IS NULL OR paper_id = ?)"
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, team);
            ps.setString(2, team);
            ps.setString(3, paperId);
            ps.setString(4, paperId);
            ps.setInt(5, limit);
            List<Delivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs).shown());
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot list notifications", e);
        }
    }

    private static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("paper_id"), rs.getString("team"), rs.getString("kind"),
                rs.getString("target"), rs.getString("status"), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), rs.getString("last_error"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "delivered_at"));
    }
}
