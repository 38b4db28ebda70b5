package dev.paperstream.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Events the broker refused for good ({@link BrokerRefusals}), kept in {@code outbox_parked} with the reason
 * instead of blocking the outbox. Re-queueing moves one back to the end of the outbox, in one transaction,
 * so that it is never in both tables or in neither.
 */
@ApplicationScoped
public class ParkedEvents {
    private static final String COLUMNS = "event_id, topic, event_key, ce_type, created_at, parked_at, reason";

    private final AgroalDataSource dataSource;

    public ParkedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One event as the relay parks it: where it was going, what it was, and why the broker refused it. */
    record Refused(OutboxBundle.Event event, Instant createdAt, String reason) {
    }

    /** A parked event as an admin sees it: everything but the payload, whose size is given instead. */
    public record Parked(String eventId, String topic, String key, String ceType, long payloadBytes,
            Instant createdAt, Instant parkedAt, String reason) {
    }

    /** How many are parked, and the oldest one's id and reason: enough for an alert to say what to look at. */
    public record Summary(long count, String oldestEventId, String oldestReason) {
    }

    /** Parks the events in the relay's own transaction, the one that deletes their outbox rows. */
    void park(Connection c, List<Refused> refused) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_parked"
                + " (event_id, topic, event_key, ce_type, payload, created_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (event_id) DO UPDATE SET reason = EXCLUDED.reason, parked_at = now()")) {
            for (Refused r : refused) {
                ps.setString(1, r.event().id());
                ps.setString(2, r.event().topic());
                ps.setString(3, r.event().key());
                ps.setString(4, r.event().ceType());
                ps.setString(5, r.event().payload());
                ps.setTimestamp(6, Timestamp.from(r.createdAt()));
                ps.setString(7, r.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The parked events, oldest parked first, at most {@code limit}. */
    public List<Parked> list(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + ", octet_length(payload) AS bytes FROM outbox_parked ORDER BY parked_at, event_id LIMIT ?")) {
            ps.setInt(1, limit);
            List<Parked> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(parked(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the parked events: " + e.getMessage(), e);
        }
    }

    public Summary summary() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM outbox_parked),"
                        + " event_id, reason FROM outbox_parked ORDER BY parked_at, event_id LIMIT 1")) {
            return rs.next() ? new Summary(rs.getLong(1), rs.getString(2), rs.getString(3)) : new Summary(0, null, null);
        }
    }

    /**
     * Moves the event back to the end of the outbox, as if it had just been written (its ce_time becomes now:
     * the outbox's age, which readiness watches, would otherwise count the time it was parked); empty when no
     * event with this id is parked. The caller wakes the relay.
     */
    public Optional<Parked> requeue(String eventId) {
        return inTransaction(c -> {
            Optional<Parked> parked = find(c, eventId);
            if (parked.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (event_id, topic, event_key, ce_type,"
                        + " payload) SELECT event_id, topic, event_key, ce_type, payload FROM outbox_parked"
                        + " WHERE event_id = ?")) {
                    ps.setString(1, eventId);
                    ps.executeUpdate();
                }
                delete(c, eventId);
            }
            return parked;
        });
    }

    /** Deletes the parked event for good (an admin decided it will never be published); empty when not parked. */
    public Optional<Parked> discard(String eventId) {
        return inTransaction(c -> {
            Optional<Parked> parked = find(c, eventId);
            if (parked.isPresent()) {
                delete(c, eventId);
            }
            return parked;
        });
    }

    private static Optional<Parked> find(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", octet_length(payload) AS bytes"
                + " FROM outbox_parked WHERE event_id = ? FOR UPDATE")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(parked(rs)) : Optional.empty();
            }
        }
    }

    private static Parked parked(ResultSet rs) throws SQLException {
        return new Parked(rs.getString("event_id"), rs.getString("topic"), rs.getString("event_key"),
                rs.getString("ce_type"), rs.getLong("bytes"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("parked_at").toInstant(), rs.getString("reason"));
    }

    private static void delete(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_parked WHERE event_id = ?")) {
            ps.setString(1, eventId);
            ps.executeUpdate();
        }
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the parked events: " + e.getMessage(), e);
        }
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
