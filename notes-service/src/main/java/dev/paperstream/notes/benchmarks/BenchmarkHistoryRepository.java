package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.notes.store.BenchmarkResultEntity;
import dev.paperstream.notes.store.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Completed benchmark runs per device and kernel build, for the history page. A job that answered several
 * requests was published once per request with the same rows: those rows are one measurement, counted once
 * (the earliest record).
 */
@ApplicationScoped
public class BenchmarkHistoryRepository {
    /** How results stored before events named their kernel build are grouped and selected. */
    public static final String UNREPORTED = "unreported";
    /** Newest stored records looked at per history, per run asked for: room for the repeats of attached answers. */
    private static final int RECORDS_PER_RUN = 4;

    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;

    public BenchmarkHistoryRepository(AgroalDataSource dataSource, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /** {@code device} is {@code kind:name}, as in {@code cuda:NVIDIA H200}. */
    public record DeviceBuild(String device, String kind, String name, String kernelBuild, long records,
            Instant lastRunAt) {
    }

    /** Device and build pairs that completed a run, most recently run first. */
    public List<DeviceBuild> devices(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT device_key, coalesce(kernel_build, ?) AS build, count(*) AS records,
                       max(completed_at) AS last_run
                FROM benchmark_result WHERE status = 'COMPLETED'
                GROUP BY 1, 2
                ORDER BY last_run DESC, device_key, build LIMIT ?""")) {
            ps.setString(1, UNREPORTED);
            ps.setInt(2, limit);
            List<DeviceBuild> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("device_key");
                    int colon = key.indexOf(':');
                    out.add(new DeviceBuild(key, key.substring(0, colon), key.substring(colon + 1),
                            rs.getString("build"), rs.getLong("records"), Sql.instant(rs, "last_run")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot list benchmark devices", e);
        }
    }

    /**
     * The newest {@code limit} distinct runs of a device (and one build, or every build when {@code build} is
     * null), oldest first.
     */
    @Transactional
    public List<BenchmarkCompleted> runs(String device, String build, int limit) {
        String buildFilter = build == null ? "" : " AND coalesce(kernel_build, ?) = ?";
        String sql = """
                SELECT * FROM (
                    SELECT DISTINCT ON (results) * FROM (
                        SELECT * FROM benchmark_result
                        WHERE status = 'COMPLETED' AND device_key = ?""" + buildFilter + """

                        ORDER BY completed_at DESC, job_id LIMIT ?) newest
                    ORDER BY results, completed_at, job_id) runs
                ORDER BY completed_at DESC, job_id LIMIT ?""";
        Query query = entityManager.createNativeQuery(sql, BenchmarkResultEntity.class);
        int i = 1;
        query.setParameter(i++, device);
        if (build != null) {
            query.setParameter(i++, UNREPORTED);
            query.setParameter(i++, build);
        }
        query.setParameter(i++, limit * RECORDS_PER_RUN);
        query.setParameter(i, limit);
        @SuppressWarnings("unchecked")
        List<BenchmarkResultEntity> newestFirst = query.getResultList();
        List<BenchmarkCompleted> oldestFirst = new ArrayList<>(newestFirst.size());
        for (BenchmarkResultEntity run : newestFirst) {
            oldestFirst.add(0, run.toEvent());
        }
        return oldestFirst;
    }
}
