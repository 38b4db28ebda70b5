package dev.paperstream.kernel.messaging;

import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.jobs.JobService;
import dev.paperstream.support.messaging.RecordConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** benchmark.requested joins the same queues as REST requests, once per event (see {@link RecordConsumer}). */
@ApplicationScoped
public class BenchmarkRequestedConsumer {
    /** Its name in processed_event since the first release: renaming it would run old requests again. */
    private static final String CONSUMER = "benchmark-requested";

    private final JobService jobs;

    public BenchmarkRequestedConsumer(JobService jobs) {
        this.jobs = jobs;
    }

    @Incoming("benchmark-requested")
    @Blocking
    @RecordConsumer(CONSUMER)
    @Transactional
    public void on(ConsumerRecord<String, BenchmarkRequested> record) {
        BenchmarkRequested request = record.value();
        jobs.accept(request.jobId(), JobRequest.of(request), "event");
    }
}
