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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the benchmark_job table. Callers hold the transaction. */
@ApplicationScoped
public class JobRepository {
    private static final TypeReference<List<Result>> RESULTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "job_id, status, queue, origin, request, paper_id, percent_done, "
            + "current_shape, device, results, failure, device_note, created_at, started_at, finished_at";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public JobRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Inserts a new job; false when a job with this id exists already (a redelivered request). */
    public boolean insert(String jobId, String status, String queue, String origin, JobRequest request,
            DeviceInfo device, String deviceNote, String failure) {
        return update("INSERT INTO benchmark_job (job_id, status, queue, origin, request, paper_id, device, "
                + "device_note, failure, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "CASE WHEN ?::text = 'FAILED' THEN now() END) ON CONFLICT (job_id) DO NOTHING",
                jobId, status, queue, origin, write(request), request.paperId(), write(device), deviceNote, failure,
                status) == 1;
    }

    /** Takes the oldest queued job of a device and marks it running. */
    public Optional<JobRow> claimNext(String queue) {
        return query("UPDATE benchmark_job SET status = 'RUNNING', started_at = now() WHERE job_id = ("
                + "SELECT job_id FROM benchmark_job WHERE queue = ? AND status = 'QUEUED' "
                + "ORDER BY created_at, job_id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS, queue);
    }

    public Optional<JobRow> find(String jobId) {
        return query("SELECT " + COLUMNS + " FROM benchmark_job WHERE job_id = ?", jobId);
    }

    public void progress(String jobId, int percent, String currentShape, List<Result> results) {
        update("UPDATE benchmark_job SET percent_done = ?, current_shape = ?, results = ? WHERE job_id = ?",
                percent, currentShape, write(results), jobId);
    }

    public void finish(String jobId, String status, DeviceInfo device, List<Result> results, String failure,
            String deviceNote) {
        update("UPDATE benchmark_job SET status = ?, device = ?, results = ?, failure = ?, device_note = ?, "
                + "percent_done = CASE WHEN ?::text = 'COMPLETED' THEN 100 ELSE percent_done END, current_shape = NULL, "
                + "finished_at = now() WHERE job_id = ?",
                status, write(device), write(results), failure, deviceNote, status, jobId);
    }

    /** Jobs a stopped instance left running go back to the head of their queue. */
    public int requeueRunning(String queue) {
        return update("UPDATE benchmark_job SET status = 'QUEUED', started_at = NULL, percent_done = 0, "
                + "current_shape = NULL, results = '[]' WHERE queue = ? AND status = 'RUNNING'", queue);
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
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
                    instant(rs, "finished_at"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("benchmark_job " + rs.getString("job_id") + " holds bad JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
