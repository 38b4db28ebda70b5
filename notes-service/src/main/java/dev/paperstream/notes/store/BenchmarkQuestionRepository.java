package dev.paperstream.notes.store;

import dev.paperstream.events.EventJson;
import dev.paperstream.notes.benchmarks.BenchmarkQuestion;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * benchmark_question (one row per configuration, its current job), benchmark_question_job (every job ever
 * requested for a question) and paper_benchmark (which papers ask which question). Callers hold the
 * transaction.
 */
@ApplicationScoped
public class BenchmarkQuestionRepository {
    /** Advisory lock class of question keys, apart from the one-argument locks taken on paper ids. */
    private static final int QUESTION_LOCKS = 7101;
    static final String REQUESTED = "REQUESTED";

    /**
     * A question needs a new job when its job is older than the freshness window, or ended without an
     * answer (failed, rejected, cancelled) longer than retry-after ago. Parameters: freshness, retry (seconds).
     */
    private static final String STALE = "(q.requested_at < now() - make_interval(secs => ?) OR (q.status IN "
            + "('FAILED', 'REJECTED', 'CANCELLED') AND q.answered_at < now() - make_interval(secs => ?)))";

    private final AgroalDataSource dataSource;

    public BenchmarkQuestionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A question's current job; {@code fresh} says whether it still answers new askers. */
    public record Question(String key, String jobId, String status, Instant requestedAt, boolean fresh) {
    }

    /** Records that the paper asks the question; false when it did so before. */
    public boolean link(String paperId, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO paper_benchmark (paper_id, question_key) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, paperId);
            ps.setString(2, key);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("cannot link " + paperId + " to its benchmark question", e);
        }
    }

    public Optional<Question> find(String key, Duration freshness, Duration retryAfter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT q.question_key, q.job_id, q.status, q.requested_at, NOT " + STALE + " AS fresh "
                        + "FROM benchmark_question q WHERE q.question_key = ?")) {
            ps.setLong(1, freshness.toSeconds());
            ps.setLong(2, retryAfter.toSeconds());
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Question(rs.getString(1), rs.getString(2), rs.getString(3),
                        Sql.instant(rs, "requested_at"), rs.getBoolean("fresh"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot read benchmark question " + key, e);
        }
    }

    /**
     * Takes the right to ask the question in this transaction without waiting: false when another
     * transaction is asking it right now (its job will answer this paper too, through the link).
     */
    public boolean tryLock(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, QUESTION_LOCKS);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot lock benchmark question " + key, e);
        }
    }

    /**
     * Records {@code jobId} as the question's job, unless the question already has a fresh one; true when
     * recorded (the caller then publishes the request). Call with the question's lock held.
     */
    public boolean ask(BenchmarkQuestion question, String jobId, Duration freshness, Duration retryAfter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO benchmark_question AS q (question_key, config, job_id, status, requested_at)
                        VALUES (?, ?, ?, 'REQUESTED', now())
                        ON CONFLICT (question_key) DO UPDATE SET job_id = EXCLUDED.job_id, status = 'REQUESTED',
                            requested_at = now(), answered_at = NULL, reason = NULL
                        WHERE""" + " " + STALE);
                PreparedStatement history = c.prepareStatement(
                        "INSERT INTO benchmark_question_job (job_id, question_key) VALUES (?, ?)")) {
            upsert.setString(1, question.key());
            upsert.setString(2, EventJson.write(question));
            upsert.setString(3, jobId);
            upsert.setLong(4, freshness.toSeconds());
            upsert.setLong(5, retryAfter.toSeconds());
            if (upsert.executeUpdate() == 0) {
                return false;
            }
            history.setString(1, jobId);
            history.setString(2, question.key());
            history.executeUpdate();
            return true;
        } catch (SQLException e) {
            throw Sql.failure("cannot record benchmark question " + question.key(), e);
        }
    }

    /** The job ended: its question (while the job is still the question's current one) records how. */
    public void answered(String jobId, String status, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE benchmark_question SET status = ?, reason = ?, answered_at = now()
                WHERE job_id = ?""")) {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setString(3, jobId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot record the answer of benchmark job " + jobId, e);
        }
    }
}
