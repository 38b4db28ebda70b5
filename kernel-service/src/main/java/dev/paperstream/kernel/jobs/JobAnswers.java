package dev.paperstream.kernel.jobs;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.store.AttachmentRepository;
import dev.paperstream.kernel.store.BenchmarkAttachment;
import dev.paperstream.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * benchmark.completed for a job and for every request it answers, written to the outbox in the caller's
 * transaction (service-support's relay sends them): a record exists exactly when the job's end is stored.
 * Every record names this instance's kernel build: the code that measured a job that ends here, and the
 * build of the configuration key a stored job's rows answer (a key names its build, so it is this one).
 */
@ApplicationScoped
public class JobAnswers {
    private final AttachmentRepository attachments;
    private final Outbox outbox;
    private final KernelBuild build;

    public JobAnswers(AttachmentRepository attachments, Outbox outbox, KernelBuild build) {
        this.attachments = attachments;
        this.outbox = outbox;
        this.build = build;
    }

    /** The job's own benchmark.completed, then one per request attached to it, under the requester's job id. */
    void publishAll(JobRow job, String status, DeviceInfo device, List<Result> results, String failure,
            String deviceNote) {
        publish(job.jobId(), status, device, results, job.paperId(), failure, deviceNote);
        for (BenchmarkAttachment a : attachments.answeredBy(job.jobId())) {
            publish(a.jobId, status, device, results, a.paperId, failure, deviceNote);
        }
    }

    /** Keyed by the paper when there is one (its events stay in order), else by the job. */
    void publish(String jobId, String status, DeviceInfo device, List<Result> results, String paperId,
            String failure, String deviceNote) {
        outbox.add(paperId != null ? paperId : jobId, new BenchmarkCompleted(jobId, status, device, results, paperId,
                failure, deviceNote, Instant.now(), build.id()));
    }
}
