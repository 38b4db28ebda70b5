package dev.paperstream.kernel.store;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.JobRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;

/**
 * A row of {@code benchmark_job}. The lease columns ({@code lease_owner}, {@code lease_until}, {@code lease_count},
 * {@code attempts}) are written only by {@link JobQueue}'s claims and fenced updates, so they are read-only here.
 */
@Entity
@Table(name = "benchmark_job")
@DynamicUpdate
public class BenchmarkJob {
    @Id
    @Column(name = "job_id")
    public String jobId;
    public String status;
    public String queue;
    public String origin;
    @Convert(converter = JsonColumns.RequestColumn.class)
    public JobRequest request;
    @Column(name = "paper_id")
    public String paperId;
    @Column(name = "percent_done")
    public int percentDone;
    @Column(name = "current_shape")
    public String currentShape;
    @Convert(converter = JsonColumns.DeviceColumn.class)
    public DeviceInfo device;
    @Convert(converter = JsonColumns.ResultsColumn.class)
    public List<Result> results = List.of();
    public String failure;
    @Column(name = "device_note")
    public String deviceNote;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "config_key")
    public String configKey;
    @Column(name = "lease_owner", insertable = false, updatable = false)
    public String leaseOwner;
    @Column(name = "lease_count", insertable = false, updatable = false)
    public int leaseCount;
    @Column(insertable = false, updatable = false)
    public int attempts;
    /** The other requests this job answers (attached to it). */
    @Formula("(SELECT count(*) FROM benchmark_attachment a WHERE a.answered_by = job_id)")
    public long attachedRequests;

    /**
     * A new job; one that ends at once (refused, or unable to run) is {@code finished} when it is created.
     * {@code configKey} is null for a job that will not run.
     */
    public static BenchmarkJob create(String jobId, String status, String queue, String origin, JobRequest request,
            DeviceInfo device, String deviceNote, String failure, String configKey, boolean finished) {
        BenchmarkJob job = new BenchmarkJob();
        job.jobId = jobId;
        job.status = status;
        job.queue = queue;
        job.origin = origin;
        job.request = request;
        job.paperId = request.paperId();
        job.device = device;
        job.deviceNote = deviceNote;
        job.failure = failure;
        job.configKey = configKey;
        job.createdAt = Instant.now();
        job.finishedAt = finished ? job.createdAt : null;
        return job;
    }
}
