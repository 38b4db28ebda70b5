package dev.paperstream.kernel.messaging;

import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.EventType;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.jobs.JobService;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.RecordConsumer;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** benchmark.requested joins the same queues as REST requests, once per job id. */
@ApplicationScoped
public class BenchmarkRequestedConsumer {
    private static final String CONSUMER = "benchmark-requested";

    private final ProcessedEvents processed;
    private final JobService jobs;

    public BenchmarkRequestedConsumer(ProcessedEvents processed, JobService jobs) {
        this.processed = processed;
        this.jobs = jobs;
    }

    @Incoming("benchmark-requested")
    @Blocking
    @RecordConsumer
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<BenchmarkRequested> event = IncomingEvent.of(record, EventType.BENCHMARK_REQUESTED,
                BenchmarkRequested.class);
        if (processed.firstDelivery(CONSUMER, event.id())) {
            jobs.accept(event.payload().jobId(), JobRequest.of(event.payload()), "event");
        }
    }
}
