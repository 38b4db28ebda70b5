package dev.paperstream.ingest.arxiv;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one limiter for all instances of the service: a PostgreSQL session advisory lock is the single
 * "connection to arXiv" token, and the row {@code arxiv_limiter} holds, by the database's clock so that
 * instances on different hosts agree, when the last request ended, until when arXiv asked everybody to
 * wait ({@code not_before}), and whether arXiv refused us with 403. The state is read after the lock is
 * taken, so that a request queued behind one that got a 403 or a Retry-After is never sent.
 */
public class ArxivRateLimiter {
    /** Advisory lock key: the bytes of "arXiv" (any constant unique in the database would do). */
    static final long LOCK_KEY = 0x6172586976L;

    private final AgroalDataSource dataSource;
    private final Duration interval;

    public ArxivRateLimiter(AgroalDataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    /** A held permit: the request runs while it is open, its outcome is recorded before others may send. */
    public interface Permit extends AutoCloseable {
        /** arXiv answered 403: no instance sends anything to arXiv until an admin clears it. */
        void block(String reason);

        /** arXiv asked for a pause: no instance sends before {@code wait} from now (a longer pause is kept). */
        void backOff(Duration wait, String reason);

        /** Records the end of the request and lets the next one go. */
        @Override
        void close();
    }

    public record Block(Instant since, String reason) {
    }

    public record BackOff(Instant until, String reason) {
    }

    /**
     * Blocks until this caller may send the next request to arXiv: one at a time, {@code interval} after
     * the last one ended and not before a shared back-off ends. Fails at once when arXiv blocks us, or
     * when the wait would be longer than {@code longestWait} (an {@link ArxivUnavailableException} with
     * the time to retry).
     */
    public Permit acquire(Duration longestWait) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            while (true) {
                State state = state(c);
                if (state.block != null) {
                    throw new ArxivUnavailableException("arXiv refused us with 403 at " + state.block.since() + " ("
                            + state.block.reason() + "); every request to arXiv is stopped until an admin clears it"
                            + " (DELETE /api/arxiv/block)", ArxivUnavailableException.Kind.BLOCKED, null);
                }
                if (state.remaining.compareTo(longestWait) > 0 && state.remaining.compareTo(interval) > 0) {
                    Instant retryAt = Instant.now().plus(state.remaining);
                    throw new ArxivUnavailableException("arXiv asked every instance to wait until " + retryAt + " ("
                            + state.backOffReason + "), longer than paperstream.arxiv.max-retry-after ("
                            + longestWait + ")", ArxivUnavailableException.Kind.BACKING_OFF, retryAt);
                }
                if (state.remaining.isZero()) {
                    return new HeldPermit(c);
                }
                sleep(state.remaining);
            }
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                unlock(c);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot take the arXiv rate-limit lock: " + e.getMessage(), e);
        }
    }

    private record State(Block block, Duration remaining, String backOffReason) {
    }

    private State state(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT blocked_at, blocked_reason, not_before_reason,
                       GREATEST(0, EXTRACT(EPOCH FROM (GREATEST(last_request_end + make_interval(secs => ?),
                                                                COALESCE(not_before, '-infinity'))
                                                       - clock_timestamp())) * 1000)
                FROM arxiv_limiter WHERE name = 'arxiv'""")) {
            ps.setDouble(1, interval.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new State(null, Duration.ZERO, null);
                }
                Timestamp blockedAt = rs.getTimestamp(1);
                return new State(blockedAt == null ? null : new Block(blockedAt.toInstant(), rs.getString(2)),
                        Duration.ofMillis((long) Math.ceil(rs.getDouble(4))), rs.getString(3));
            }
        }
    }

    private final class HeldPermit implements Permit {
        private final Connection c;

        HeldPermit(Connection c) {
            this.c = c;
        }

        @Override
        public void block(String reason) {
            execute(c, "UPDATE arxiv_limiter SET blocked_at = clock_timestamp(), blocked_reason = ? WHERE name = 'arxiv'",
                    reason, null);
        }

        @Override
        public void backOff(Duration wait, String reason) {
            execute(c, """
                    UPDATE arxiv_limiter SET not_before = clock_timestamp() + make_interval(secs => ?), not_before_reason = ?
                    WHERE name = 'arxiv'
                      AND (not_before IS NULL OR not_before < clock_timestamp() + make_interval(secs => ?))""",
                    reason, wait);
        }

        @Override
        public void close() {
            try {
                execute(c, "UPDATE arxiv_limiter SET last_request_end = clock_timestamp() WHERE name = 'arxiv'",
                        null, null);
            } finally {
                unlock(c);
            }
        }
    }

    private static void unlock(Connection c) {
        try (c; PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            // closing the connection ends the session's advisory lock in the worst case: nothing is stuck
            throw new IllegalStateException("cannot release the arXiv rate-limit lock: " + e.getMessage(), e);
        }
    }

    public void unblock() {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "UPDATE arxiv_limiter SET blocked_at = NULL, blocked_reason = NULL WHERE name = 'arxiv'", null,
                    null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the arXiv block: " + e.getMessage(), e);
        }
    }

    /** Why and since when arXiv refuses us, if it does. */
    public Optional<Block> blocked() {
        return query("SELECT blocked_at, blocked_reason FROM arxiv_limiter WHERE name = 'arxiv' AND blocked_at IS NOT NULL")
                .map(r -> new Block(r.at(), r.reason()));
    }

    /** Until when and why arXiv asked every instance to wait, if it still does. */
    public Optional<BackOff> backOff() {
        return query("SELECT not_before, not_before_reason FROM arxiv_limiter"
                + " WHERE name = 'arxiv' AND not_before > clock_timestamp()")
                .map(r -> new BackOff(r.at(), r.reason()));
    }

    private record Row(Instant at, String reason) {
    }

    private Optional<Row> query(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Row(rs.getTimestamp(1).toInstant(), rs.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the arXiv limiter state: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql, String reason, Duration wait) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (wait != null) {
                ps.setDouble(i++, wait.toMillis() / 1000.0);
            }
            if (reason != null) {
                ps.setString(i++, reason);
            }
            if (wait != null) {
                ps.setDouble(i, wait.toMillis() / 1000.0);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the arXiv limiter state: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArxivUnavailableException("interrupted while waiting for the arXiv rate limit",
                    ArxivUnavailableException.Kind.UNAVAILABLE, null);
        }
    }
}
