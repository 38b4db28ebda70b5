package dev.paperstream.notes.store;

import dev.paperstream.events.Priority;
import dev.paperstream.notes.channels.WebhookSignature;
import dev.paperstream.notes.queue.DuePolicy;
import dev.paperstream.notes.queue.ReadingStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Overdue reminders ({@code overdue_reminder}) and their deliveries ({@code reminder_delivery}): planned in one
 * transaction, claimed with a lease, sent outside any transaction, recorded per delivery.
 */
@ApplicationScoped
public class ReminderDeliveries {
    // Every scored (paper, team) is a queue item from its score's arrival (see QueueRepository); an item is
    // overdue once its due date passed while its status is short of the pass its priority needs (DuePolicy).
    private static final String REMIND = """
            WITH item AS (
                SELECT s.paper_id, s.team, s.priority, r.claimed_by, p.title,
                       COALESCE(r.queued_at, s.received_at)
                           + make_interval(secs => CASE s.priority WHEN 'HIGH' THEN ? ELSE ? END) AS due_at
                FROM paper_score s JOIN paper p ON p.id = s.paper_id
                LEFT JOIN reading_item r ON r.paper_id = s.paper_id AND r.team = s.team
                WHERE (s.priority = 'HIGH' AND COALESCE(r.status, 'NOT_STARTED') = ANY (?))
                   OR (s.priority = 'MEDIUM' AND COALESCE(r.status, 'NOT_STARTED') = ANY (?))),
            due AS MATERIALIZED (
                SELECT * FROM item i WHERE i.due_at < now() AND NOT EXISTS (SELECT 1 FROM overdue_reminder o
                    WHERE o.paper_id = i.paper_id AND o.team = i.team AND o.due_at = i.due_at)
                ORDER BY i.due_at, i.paper_id, i.team LIMIT ?),
            reminded AS (
                INSERT INTO overdue_reminder (paper_id, team, due_at) SELECT paper_id, team, due_at FROM due
                ON CONFLICT DO NOTHING RETURNING paper_id, team, due_at)
            SELECT d.paper_id, d.team, d.priority, d.claimed_by, d.title, d.due_at
            FROM due d JOIN reminded r USING (paper_id, team, due_at)""";
    private static final String TO_CHANNELS = """
            INSERT INTO reminder_delivery (paper_id, team, due_at, priority, claimed_by, kind, target, to_claimer,
                                           subject, text)
            SELECT ?, team, ?, ?, ?, kind, target, false, ?, ? FROM team_channel WHERE team = ?
            ON CONFLICT DO NOTHING""";
    private static final String TO_CLAIMER = """
            INSERT INTO reminder_delivery (paper_id, team, due_at, priority, claimed_by, kind, target, to_claimer,
                                           subject, text)
            SELECT ?, ?, ?, ?, ?, 'email', ?, true, ?, ?
            WHERE EXISTS (SELECT 1 FROM team_channel WHERE team = ? AND kind = 'email')
            ON CONFLICT DO NOTHING""";

    private final AgroalDataSource dataSource;
    private final LeasedDeliveries leases;

    public ReminderDeliveries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.leases = new LeasedDeliveries(dataSource, "reminder_delivery");
    }

    /** An overdue item reminded of for the first time at its due date. */
    public record Overdue(String paperId, String team, Priority priority, String claimedBy, String title,
            Instant dueAt) {
    }

    /** A reminder's words, fixed when planned: the e-mail subject, and the text every channel carries. */
    public record Words(String subject, String text) {
    }

    /** A claimed reminder delivery. */
    public record Claimed(long id, String webhookId, String paperId, String team, Instant dueAt, String priority,
            String claimedBy, String kind, String target, String secret, String subject, String text, int attempts) {
    }

    /**
     * Records up to {@code limit} overdue items not reminded of at their due date, and plans their deliveries
     * (in {@code words}), all in one transaction: an item another instance recorded first
     * (its insert waits for that one's commit, then conflicts) is left to it. Answers the items recorded here.
     */
    @Transactional
    public List<Overdue> plan(int limit, Function<Overdue, Words> words) {
        List<Overdue> overdue = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(REMIND)) {
                ps.setDouble(1, DuePolicy.period(Priority.HIGH).toSeconds());
                ps.setDouble(2, DuePolicy.period(Priority.MEDIUM).toSeconds());
                ps.setArray(3, Sql.textArray(c, notDone(Priority.HIGH)));
                ps.setArray(4, Sql.textArray(c, notDone(Priority.MEDIUM)));
                ps.setInt(5, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        overdue.add(new Overdue(rs.getString("paper_id"), rs.getString("team"),
                                Priority.valueOf(rs.getString("priority")), rs.getString("claimed_by"),
                                rs.getString("title"), Sql.instant(rs, "due_at")));
                    }
                }
            }
            try (PreparedStatement channels = c.prepareStatement(TO_CHANNELS);
                    PreparedStatement claimer = c.prepareStatement(TO_CLAIMER)) {
                for (Overdue o : overdue) {
                    Words w = words.apply(o);
                    channels.setString(1, o.paperId());
                    Sql.setInstant(channels, 2, o.dueAt());
                    channels.setString(3, o.priority().name());
                    channels.setString(4, o.claimedBy());
                    channels.setString(5, w.subject());
                    channels.setString(6, w.text());
                    channels.setString(7, o.team());
                    channels.addBatch();
                    if (looksLikeAddress(o.claimedBy())) {
                        claimer.setString(1, o.paperId());
                        claimer.setString(2, o.team());
                        Sql.setInstant(claimer, 3, o.dueAt());
                        claimer.setString(4, o.priority().name());
                        claimer.setString(5, o.claimedBy());
                        claimer.setString(6, o.claimedBy());
                        claimer.setString(7, w.subject());
                        claimer.setString(8, w.text());
                        claimer.setString(9, o.team());
                        claimer.addBatch();
                    }
                }
                channels.executeBatch();
                claimer.executeBatch();
            }
            return overdue;
        } catch (SQLException e) {
            throw Sql.failure("cannot plan overdue reminders", e);
        }
    }

    /** The statuses short of the pass that {@code priority} needs, as stored. */
    public static List<String> notDone(Priority priority) {
        return Arrays.stream(ReadingStatus.values()).filter(s -> !DuePolicy.isDone(priority, s)).map(Enum::name)
                .toList();
    }

    /** Identities come from tokens and sessions: only one shaped like an address is written to. */
    public static boolean looksLikeAddress(String identity) {
        return identity != null && identity.matches("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;.]+");
    }

    /**
     * Claims pending reminder deliveries whose channel still exists (the claimer's own address needs none), for
     * {@code lease}.
     */
    public List<Claimed> claimPending(int limit, Duration lease, UUID claimToken) {
        return leases.claim("LEFT JOIN team_channel ch ON ch.team = d.team AND ch.kind = d.kind AND ch.target = d.target",
                "d.to_claimer OR ch.team IS NOT NULL", List.of(), limit, lease, claimToken,
                rs -> new Claimed(rs.getLong("id"), WebhookSignature.messageId(rs.getObject("delivery_id", UUID.class)),
                        rs.getString("paper_id"), rs.getString("team"), Sql.instant(rs, "due_at"),
                        rs.getString("priority"), rs.getString("claimed_by"), rs.getString("kind"),
                        rs.getString("target"), rs.getString("secret"), rs.getString("subject"),
                        rs.getString("text"), rs.getInt("attempts")));
    }

    /** Records a reminder delivery that arrived, whoever claimed it last: arrived is final. */
    public void delivered(long id) {
        leases.delivered(id);
    }

    /** Records a failed attempt of this claim; the next check sends it again unless {@code giveUp}. */
    public void failed(long id, UUID claimToken, String error, boolean giveUp) {
        leases.failed(id, claimToken, error, giveUp);
    }

    /** Gives a claimed reminder delivery back unsent. */
    public void release(long id, UUID claimToken) {
        leases.release(id, claimToken);
    }
}
