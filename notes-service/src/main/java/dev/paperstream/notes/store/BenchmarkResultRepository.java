package dev.paperstream.notes.store;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.EventJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Completed benchmark jobs, once per job id, newest first. A paper's results are those of the jobs of
 * every question it asks (paper_benchmark), and those published under its own id.
 */
@ApplicationScoped
public class BenchmarkResultRepository {
    private final AgroalDataSource dataSource;

    public BenchmarkResultRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when the job was not stored before. */
    public boolean insert(BenchmarkCompleted b) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO benchmark_result (job_id, paper_id, status, device, results, failure, device_note,
                                                      completed_at, kernel_build)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING""")) {
            ps.setString(1, b.jobId());
            ps.setString(2, b.paperId());
            ps.setString(3, b.status());
            ps.setString(4, EventJson.write(b.device()));
            ps.setString(5, EventJson.write(b.results()));
            ps.setString(6, b.failure());
            ps.setString(7, b.deviceNote());
            Sql.setInstant(ps, 8, b.completedAt());
            ps.setString(9, b.kernelBuild());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("cannot store benchmark job " + b.jobId(), e);
        }
    }

    /** All results, or those of one paper when {@code paperId} is not null. */
    public List<BenchmarkCompleted> list(String paperId, int limit) {
        String sql = paperId == null ? "SELECT * FROM benchmark_result ORDER BY completed_at DESC, job_id LIMIT ?"
                : """
                SELECT r.* FROM benchmark_result r WHERE r.paper_id = ?
                UNION
                SELECT r.* FROM paper_benchmark pb
                JOIN benchmark_question_job qj ON qj.question_key = pb.question_key
                JOIN benchmark_result r ON r.job_id = qj.job_id
                WHERE pb.paper_id = ?
                ORDER BY completed_at DESC, job_id LIMIT ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (paperId != null) {
                ps.setString(i++, paperId);
                ps.setString(i++, paperId);
            }
            ps.setInt(i, limit);
            List<BenchmarkCompleted> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read benchmark results", e);
        }
    }

    public static BenchmarkCompleted read(ResultSet rs) throws SQLException {
        return new BenchmarkCompleted(rs.getString("job_id"), rs.getString("status"),
                EventJson.read(rs.getString("device"), BenchmarkCompleted.DeviceInfo.class),
                List.of(EventJson.read(rs.getString("results"), BenchmarkCompleted.Result[].class)),
                rs.getString("paper_id"), rs.getString("failure"), rs.getString("device_note"),
                Sql.instant(rs, "completed_at"), rs.getString("kernel_build"));
    }
}
