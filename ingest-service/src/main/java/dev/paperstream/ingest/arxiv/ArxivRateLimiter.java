package dev.paperstream.ingest.arxiv;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one limiter for all instances of the service: a PostgreSQL session advisory lock is the single
 * "connection to arXiv" token, and the row {@code arxiv_limiter} holds when the last request ended, by
 * the database's clock so that instances on different hosts agree. The same row records a 403 so that
 * every instance stops.
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

    /** A held permit; the request runs while it is open and its end is recorded on close. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Blocks until this caller may send the next request to arXiv. */
    public Permit acquire() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            sleep(remainingWait(c));
            Connection held = c;
            return () -> release(held);
        } catch (SQLException e) {
            if (c != null) {
                release(c);
            }
            throw new IllegalStateException("cannot take the arXiv rate-limit lock: " + e.getMessage(), e);
        }
    }

    private Duration remainingWait(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT GREATEST(0, EXTRACT(EPOCH FROM (last_request_end + make_interval(secs => ?)
                                                       - clock_timestamp())) * 1000)
                FROM arxiv_limiter WHERE name = 'arxiv'""")) {
            ps.setDouble(1, interval.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Duration.ofMillis((long) Math.ceil(rs.getDouble(1))) : Duration.ZERO;
            }
        }
    }

    private static void release(Connection c) {
        try (c) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE arxiv_limiter SET last_request_end = clock_timestamp() WHERE name = 'arxiv'")) {
                ps.executeUpdate();
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            // closing the connection ends the session's advisory lock in the worst case: nothing is stuck
            throw new IllegalStateException("cannot release the arXiv rate-limit lock: " + e.getMessage(), e);
        }
    }

    /** Records that arXiv answered 403: every instance stops until an operator clears it. */
    public void block(String reason) {
        update("UPDATE arxiv_limiter SET blocked_at = clock_timestamp(), blocked_reason = ? WHERE name = 'arxiv'",
                reason);
    }

    public void unblock() {
        update("UPDATE arxiv_limiter SET blocked_at = NULL, blocked_reason = NULL WHERE name = 'arxiv'", null);
    }

    /** Why and since when arXiv refuses us, if it does. */
    public Optional<Block> blocked() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT blocked_at, blocked_reason FROM arxiv_limiter WHERE name = 'arxiv' AND blocked_at IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Block(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the arXiv block state: " + e.getMessage(), e);
        }
    }

    public record Block(Instant since, String reason) {
    }

    private void update(String sql, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (reason != null) {
                ps.setString(1, reason);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the arXiv block state: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the arXiv rate limit", e);
        }
    }
}
