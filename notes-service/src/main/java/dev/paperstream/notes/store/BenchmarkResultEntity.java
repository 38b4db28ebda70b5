package dev.paperstream.notes.store;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.EventJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A completed benchmark job (table {@code benchmark_result}). Device and results stay the event's JSON text:
 * they are shown and compared whole, never queried by field (the history's device key is a generated column).
 */
@Entity
@Table(name = "benchmark_result")
public class BenchmarkResultEntity {
    @Id
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "paper_id")
    public String paperId;
    public String status;
    public String device;
    public String results;
    public String failure;
    @Column(name = "device_note")
    public String deviceNote;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "kernel_build")
    public String kernelBuild;
    @Column(name = "received_at", insertable = false, updatable = false)
    public Instant receivedAt;

    static BenchmarkResultEntity of(BenchmarkCompleted b) {
        BenchmarkResultEntity row = new BenchmarkResultEntity();
        row.jobId = b.jobId();
        row.paperId = b.paperId();
        row.status = b.status();
        row.device = EventJson.write(b.device());
        row.results = EventJson.write(b.results());
        row.failure = b.failure();
        row.deviceNote = b.deviceNote();
        row.completedAt = b.completedAt();
        row.kernelBuild = b.kernelBuild();
        return row;
    }

    public BenchmarkCompleted toEvent() {
        return new BenchmarkCompleted(jobId, status, EventJson.read(device, BenchmarkCompleted.DeviceInfo.class),
                List.of(EventJson.read(results, BenchmarkCompleted.Result[].class)), paperId, failure, deviceNote,
                completedAt, kernelBuild);
    }
}
