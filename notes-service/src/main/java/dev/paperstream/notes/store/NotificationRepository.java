package dev.paperstream.notes.store;

import dev.paperstream.notes.channels.Delivery;
import dev.paperstream.notes.channels.WebhookSignature;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The delivery outbox: one row per (paper, team, channel), created once and delivered with retries. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepository<NotificationEntity> {
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

    /**
     * Claims up to {@code limit} due deliveries whose paper is known and whose channel still exists, for
     * {@code lease}, in one short statement ({@code FOR UPDATE SKIP LOCKED}: instances never claim the same row).
     * A claim whose lease ran out (its worker died between sending and recording) is claimed again, and the
     * delivery is sent again under the same webhook id.
     */
    public List<Due> claimDue(int limit, Duration lease, UUID claimToken) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        WITH due AS (
                            SELECT n.id FROM notification n
                            JOIN paper p ON p.id = n.paper_id
                            JOIN team_channel ch ON ch.team = n.team AND ch.kind = n.kind AND ch.target = n.target
                            WHERE n.status = 'PENDING' AND n.next_attempt_at <= now()
                              AND (n.claimed_until IS NULL OR n.claimed_until < now())
                            ORDER BY n.next_attempt_at LIMIT ? FOR UPDATE OF n SKIP LOCKED)
                        UPDATE notification n SET claimed_until = now() + make_interval(secs => ?), claim_token = ?
                        FROM due, team_channel ch
                        WHERE n.id = due.id AND ch.team = n.team AND ch.kind = n.kind AND ch.target = n.target
                        RETURNING n.*, ch.secret""")) {
            ps.setInt(1, limit);
            ps.setDouble(2, lease.toMillis() / 1000.0);
            ps.setObject(3, claimToken);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(read(rs), rs.getString("secret")));
                }
            }
            out.sort(Comparator.comparing(d -> d.delivery().nextAttemptAt()));
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot claim due notifications", e);
        }
    }

    public record Due(Delivery delivery, String secret) {
    }

    /**
     * Whether a claimed delivery should still go out, asked just before sending: it is still this claim's and
     * pending, and its channel was not removed since it was claimed.
     */
    public boolean stillWanted(long id, UUID claimToken) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT 1 FROM notification n
                        JOIN team_channel ch ON ch.team = n.team AND ch.kind = n.kind AND ch.target = n.target
                        WHERE n.id = ? AND n.status = 'PENDING' AND n.claim_token = ?""")) {
            ps.setLong(1, id);
            ps.setObject(2, claimToken);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot check delivery " + id, e);
        }
    }

    /** Records a delivery that arrived, whoever claimed it last: arrived is final. */
    public void delivered(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE notification SET status = 'DELIVERED',"
                        + " attempts = attempts + 1, delivered_at = clock_timestamp(), last_error = NULL,"
                        + " claimed_until = NULL, claim_token = NULL WHERE id = ? AND status = 'PENDING'")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot record delivery " + id, e);
        }
    }

    /** Records a failed attempt of this claim and ends the claim; {@code retryAt} null gives up for good. */
    public void failed(long id, UUID claimToken, String error, Instant retryAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE notification SET attempts = attempts + 1,"
                        + " last_error = ?, status = CASE WHEN ?::timestamptz IS NULL THEN 'FAILED' ELSE status END,"
                        + " next_attempt_at = COALESCE(?::timestamptz, next_attempt_at),"
                        + " claimed_until = NULL, claim_token = NULL"
                        + " WHERE id = ? AND claim_token = ? AND status = 'PENDING'")) {
            ps.setString(1, error);
            Sql.setInstant(ps, 2, retryAt);
            Sql.setInstant(ps, 3, retryAt);
            ps.setLong(4, id);
            ps.setObject(5, claimToken);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot record failed delivery " + id, e);
        }
    }

    /** Gives a claimed delivery back unsent, so that the next round claims it at once. */
    public void release(long id, UUID claimToken) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE notification SET claimed_until = NULL,"
                        + " claim_token = NULL WHERE id = ? AND claim_token = ?")) {
            ps.setLong(1, id);
            ps.setObject(2, claimToken);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot release delivery " + id, e);
        }
    }

    /** Newest first, as shown ({@link Delivery#shown()}); {@code team} or {@code paperId} may be null for "any". */
    @Transactional
    public List<Delivery> list(String team, String paperId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (team != null) {
            where.add("team = :team");
            params.and("team", team);
        }
        if (paperId != null) {
            where.add("paperId = :paperId");
            params.and("paperId", paperId);
        }
        Sort newestFirst = Sort.descending("createdAt", "id");
        PanacheQuery<NotificationEntity> query = where.isEmpty() ? findAll(newestFirst)
                : find(String.join(" and ", where), newestFirst, params);
        return query.range(0, limit - 1).stream().map(n -> new Delivery(n.id, WebhookSignature.messageId(n.deliveryId),
                n.paperId, n.team, n.kind, n.target, n.status, n.attempts, n.nextAttemptAt, n.lastError, n.createdAt,
                n.deliveredAt).shown()).toList();
    }

    private static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), WebhookSignature.messageId(rs.getObject("delivery_id", UUID.class)),
                rs.getString("paper_id"), rs.getString("team"), rs.getString("kind"),
                rs.getString("target"), rs.getString("status"), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), rs.getString("last_error"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "delivered_at"));
    }
}
