package dev.paperstream.kernel.jobs;

import static org.awaitility.Awaitility.await;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.store.BenchmarkJob;
import dev.paperstream.kernel.store.JobRepository;
import dev.paperstream.testkit.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Jobs in a queue of their own (no worker of the service serves it), the lease columns of their rows, and their
 * benchmark.completed records: what the lease tests look at.
 */
final class LeaseFixture {
    /** A few milliseconds of work on the CPU, in two steps. */
    static final JobRequest SMALL = new JobRequest("cpu", List.of("naive", "tiled"), 1, 1, List.of(32), 16, false,
            "fp32", null);
    /** Many steps of a second or less each: still running when the test takes its lease away. */
    static final JobRequest LONG = new JobRequest("cpu", List.of("naive", "tiled"), 1, 8,
            List.of(1024, 1536, 2048, 2560, 3072, 3584, 4096), 64, false, "fp32", null);

    /** What the lease tests read of a job's row. */
    record Row(String status, String owner, int leaseCount, int attempts, String failure, int results) {
    }

    private final AgroalDataSource db;
    private final JobRepository jobs;
    private final Devices devices;
    final String queue = "lease-test-" + UUID.randomUUID().toString().substring(0, 8);

    LeaseFixture(AgroalDataSource db, JobRepository jobs, Devices devices) {
        this.db = db;
        this.jobs = jobs;
        this.devices = devices;
    }

    String queue(JobRequest request) {
        String jobId = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> jobs.persist(BenchmarkJob.create(jobId, JobRow.QUEUED, queue, "rest",
                request.withDefaults(), devices.all().get(0).device(), null, null, null, false)));
        return jobId;
    }

    Row row(String jobId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT status, lease_owner, "
                + "lease_count, attempts, failure, results FROM benchmark_job WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int results = EventJson.read(rs.getString("results"), List.class).size();
                return new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), results);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Row awaitStatus(String jobId, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> row(jobId).status().equals(status));
        return row(jobId);
    }

    /** What the owner's missing heartbeats would have done by now: the lease ran out a second ago. */
    void expireLease(String jobId) {
        sql("UPDATE benchmark_job SET lease_until = clock_timestamp() - interval '1 second' WHERE job_id = ?", jobId);
    }

    /** Nothing of this test stays in the schema for the next: the other tests list and count queues. */
    void clear() {
        sql("DELETE FROM benchmark_job WHERE queue = ?", queue);
    }

    private void sql(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads benchmark.completed from the beginning until every job has a record, then {@code settle} more; the
     * records by job id (a job published twice shows two).
     */
    static Map<String, List<BenchmarkCompleted>> completed(Collection<String> jobIds, Duration settle) {
        Map<String, List<BenchmarkCompleted>> found = new TreeMap<>();
        try (KafkaConsumer<String, String> c = TestTopics.consumer(EventType.BENCHMARK_COMPLETED.topic())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                poll(c, jobIds, found, Duration.ofMillis(200));
                return found.keySet().containsAll(jobIds);
            });
            poll(c, jobIds, found, settle);
        }
        return found;
    }

    private static void poll(KafkaConsumer<String, String> c, Collection<String> jobIds,
            Map<String, List<BenchmarkCompleted>> found, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        do {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                BenchmarkCompleted e = EventJson.read(r.value(), BenchmarkCompleted.class);
                if (jobIds.contains(e.jobId())) {
                    found.computeIfAbsent(e.jobId(), k -> new ArrayList<>()).add(e);
                }
            }
        } while (System.nanoTime() < end);
    }
}
