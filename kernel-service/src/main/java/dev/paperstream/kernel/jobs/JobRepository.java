package dev.paperstream.kernel.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.events.EventJson;
import dev.paperstream.kernel.bench.JobRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the benchmark_job table. Callers hold the transaction. */
@ApplicationScoped
public class JobRepository {
    private static final TypeReference<List<Result>> RESULTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "job_id, status, queue, origin, request, paper_id, percent_done, "
            + "current_shape, device, results, failure, device_note, created_at, started_at, finished_at, config_key, "
            + "(SELECT count(*) FROM benchmark_attachment a WHERE a.answered_by = benchmark_job.job_id) AS attached";

    // a running job's row as long as this lease holds it
    private static final String HELD = "job_id = ? AND status = 'RUNNING' AND lease_owner = ? AND lease_count = ?";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public JobRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Inserts a new job (a FAILED or REJECTED one finished at once); false when a job with this id exists
     * already (a redelivered request). {@code configKey} is null for a job that will not run.
     */
    public boolean insert(String jobId, String status, String queue, String origin, JobRequest request,
            DeviceInfo device, String deviceNote, String failure, String configKey) {
        return update("INSERT INTO benchmark_job (job_id, status, queue, origin, request, paper_id, device, "
                + "device_note, failure, config_key, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "CASE WHEN ?::text IN ('FAILED', 'REJECTED') THEN now() END) ON CONFLICT (job_id) DO NOTHING",
                jobId, status, queue, origin, write(request), request.paperId(), write(device), deviceNote, failure,
                configKey, status) == 1;
    }

    /** The newest job of this configuration created within the window that ran, runs or will run. */
    public Optional<JobRow> latestAnswering(String configKey, Duration window) {
        return query("SELECT " + COLUMNS + " FROM benchmark_job WHERE config_key = ? AND status IN "
                + "('QUEUED', 'RUNNING', 'COMPLETED') AND created_at > now() - make_interval(secs => ?) "
                + "ORDER BY created_at DESC LIMIT 1", configKey, window.toSeconds());
    }

    /** A device's queued jobs, and the jobs it accepted since 00:00 UTC (the ones its daily budget counts). */
    public record Load(long queued, long acceptedToday) {
    }

    public Load load(String queue) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE status = 'QUEUED'),
                       count(*) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
                FROM benchmark_job WHERE queue = ? AND status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')""")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Load(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark_job: " + e.getMessage(), e);
        }
    }

    /** Jobs of one status (all when null): the queue in its order, any other status newest first. */
    public List<JobRow> list(String status, int limit) {
        String order = JobRow.QUEUED.equals(status) ? "created_at, job_id" : "created_at DESC, job_id";
        String sql = "SELECT " + COLUMNS + " FROM benchmark_job" + (status == null ? "" : " WHERE status = ?")
                + " ORDER BY " + order + " LIMIT ?";
        return status == null ? queryAll(sql, limit) : queryAll(sql, status, limit);
    }

    /** Cancels the job if it is still queued; the cancelled row, or empty when it was not queued. */
    public Optional<JobRow> cancelQueued(String jobId, String reason) {
        return query("UPDATE benchmark_job SET status = 'CANCELLED', failure = ?, finished_at = now() "
                + "WHERE job_id = ? AND status = 'QUEUED' RETURNING " + COLUMNS, reason, jobId);
    }

    /**
     * Serialises, until the transaction ends, whoever decides about one configuration key (sharing a job,
     * publishing its answers) or one queue (its budget and cap).
     */
    public void lock(String scope, String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
            ps.setString(1, scope);
            ps.setString(2, name);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark_job lock: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the oldest job of a device that is queued, or running under an expired lease (its owner stopped
     * renewing it), and leases it to {@code owner}: a new run starts, with fresh progress.
     */
    public Optional<JobLease> claim(String queue, String owner, Duration lease) {
        String sql = """
                WITH candidate AS (
                    SELECT job_id AS candidate_id, status AS previous_status, lease_owner AS previous_owner
                    FROM benchmark_job WHERE queue = ? AND (status = 'QUEUED' OR (status = 'RUNNING'
                        AND (lease_until IS NULL OR lease_until < clock_timestamp())))
                    ORDER BY created_at, job_id LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE benchmark_job SET status = 'RUNNING', started_at = now(), lease_owner = ?,
                    lease_until = clock_timestamp() + make_interval(secs => ?), lease_count = lease_count + 1,
                    attempts = attempts + 1, percent_done = 0, current_shape = NULL, results = '[]'
                FROM candidate WHERE benchmark_job.job_id = candidate.candidate_id
                RETURNING %s, previous_status, previous_owner, lease_count, attempts""".formatted(COLUMNS);
        return queryAll(sql, rs -> new JobLease(row(rs), owner, rs.getInt("lease_count"), rs.getInt("attempts"),
                JobRow.RUNNING.equals(rs.getString("previous_status")), rs.getString("previous_owner")),
                queue, owner, seconds(lease)).stream().findFirst();
    }

    /** Extends the lease; false when another owner holds the job now, or it has ended. */
    public boolean renew(JobLease lease, Duration duration) {
        return update("UPDATE benchmark_job SET lease_until = clock_timestamp() + make_interval(secs => ?) WHERE "
                + HELD, seconds(duration), lease.jobId(), lease.owner(), lease.token()) == 1;
    }

    /** A graceful stop: the job goes back to the head of its queue and the run does not count as an attempt. */
    public boolean release(JobLease lease) {
        return update("UPDATE benchmark_job SET status = 'QUEUED', started_at = NULL, percent_done = 0, "
                + "current_shape = NULL, results = '[]', lease_owner = NULL, lease_until = NULL, "
                + "attempts = attempts - 1 WHERE " + HELD, lease.jobId(), lease.owner(), lease.token()) == 1;
    }

    public Optional<JobRow> find(String jobId) {
        return query("SELECT " + COLUMNS + " FROM benchmark_job WHERE job_id = ?", jobId);
    }

    /** False when another owner holds the job now, or it has ended. */
    public boolean progress(JobLease lease, int percent, String currentShape, List<Result> results) {
        return update("UPDATE benchmark_job SET percent_done = ?, current_shape = ?, results = ? WHERE " + HELD,
                percent, currentShape, write(results), lease.jobId(), lease.owner(), lease.token()) == 1;
    }

    /** Ends the job (the owner stays on the row: who ran it); false when another owner holds the job now. */
    public boolean finish(JobLease lease, String status, DeviceInfo device, List<Result> results, String failure,
            String deviceNote) {
        return update("UPDATE benchmark_job SET status = ?, device = ?, results = ?, failure = ?, device_note = ?, "
                + "percent_done = CASE WHEN ?::text = 'COMPLETED' THEN 100 ELSE percent_done END, current_shape = NULL, "
                + "finished_at = now(), lease_until = NULL WHERE " + HELD,
                status, write(device), write(results), failure, deviceNote, status, lease.jobId(), lease.owner(),
                lease.token()) == 1;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private String write(Object value) {
        return value == null ? null : EventJson.write(value);
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark_job: " + e.getMessage(), e);
        }
    }

    private Optional<JobRow> query(String sql, Object... args) {
        return queryAll(sql, args).stream().findFirst();
    }

    private List<JobRow> queryAll(String sql, Object... args) {
        return queryAll(sql, this::row, args);
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> queryAll(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark_job: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private JobRow row(ResultSet rs) throws SQLException {
        try {
            String device = rs.getString("device");
            return new JobRow(rs.getString("job_id"), rs.getString("status"), rs.getString("queue"),
                    rs.getString("origin"), json.readValue(rs.getString("request"), JobRequest.class),
                    rs.getString("paper_id"), rs.getInt("percent_done"), rs.getString("current_shape"),
                    device == null ? null : json.readValue(device, DeviceInfo.class),
                    json.readValue(rs.getString("results"), RESULTS), rs.getString("failure"),
                    rs.getString("device_note"), instant(rs, "created_at"), instant(rs, "started_at"),
                    instant(rs, "finished_at"), rs.getString("config_key"), rs.getInt("attached"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("benchmark_job " + rs.getString("job_id") + " holds bad JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
