package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job ever requested for a question (table {@code benchmark_question_job}): a paper keeps earlier results. */
@Entity
@Table(name = "benchmark_question_job")
public class BenchmarkQuestionJobEntity {
    @Id
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "question_key")
    public String questionKey;
    @Column(name = "requested_at")
    public Instant requestedAt;
}
