package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A benchmark question, one per canonical configuration, with its current job (table {@code benchmark_question}). */
@Entity
@Table(name = "benchmark_question")
public class BenchmarkQuestionEntity {
    @Id
    @Column(name = "question_key")
    public String key;
    /** The question as JSON, as it was asked. */
    public String config;
    @Column(name = "job_id")
    public String jobId;
    public String status;
    public String reason;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
}
