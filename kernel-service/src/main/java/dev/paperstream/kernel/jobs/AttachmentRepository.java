package dev.paperstream.kernel.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * benchmark_attachment: a request (its own job id and paper) answered by another job of the same
 * configuration. Callers hold the transaction.
 */
@ApplicationScoped
public class AttachmentRepository {
    private final AgroalDataSource dataSource;

    public AttachmentRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Attachment(String jobId, String answeredBy, String paperId) {
    }

    /** False when a request with this job id was attached before (a redelivery). */
    public boolean attach(String jobId, String answeredBy, String paperId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO benchmark_attachment (job_id, answered_by, paper_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (job_id) DO NOTHING")) {
            ps.setString(1, jobId);
            ps.setString(2, answeredBy);
            ps.setString(3, paperId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark_attachment: " + e.getMessage(), e);
        }
    }

    public Optional<Attachment> find(String jobId) {
        return select("SELECT job_id, answered_by, paper_id FROM benchmark_attachment WHERE job_id = ?", jobId)
                .stream().findFirst();
    }

    /** The requests a job answers besides its own, in the order they came. */
    public List<Attachment> answeredBy(String jobId) {
        return select("SELECT job_id, answered_by, paper_id FROM benchmark_attachment WHERE answered_by = ? "
                + "ORDER BY attached_at, job_id", jobId);
    }

    private List<Attachment> select(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<Attachment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attachment(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark_attachment: " + e.getMessage(), e);
        }
    }
}
