package dev.paperstream.kernel.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request (its own job id and paper) answered by another job of the same configuration. */
@Entity
@Table(name = "benchmark_attachment")
public class BenchmarkAttachment {
    @Id
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "answered_by")
    public String answeredBy;
    @Column(name = "paper_id")
    public String paperId;
    @Column(name = "attached_at")
    public Instant attachedAt;

    public static BenchmarkAttachment of(String jobId, String answeredBy, String paperId) {
        BenchmarkAttachment a = new BenchmarkAttachment();
        a.jobId = jobId;
        a.answeredBy = answeredBy;
        a.paperId = paperId;
        a.attachedAt = Instant.now();
        return a;
    }
}
