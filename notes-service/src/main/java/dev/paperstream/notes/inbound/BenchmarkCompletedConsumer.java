package dev.paperstream.notes.inbound;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.EventType;
import dev.paperstream.notes.benchmarks.BenchmarkResultRepository;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** benchmark.completed: stores each job's results once. */
@ApplicationScoped
public class BenchmarkCompletedConsumer {
    static final String CHANNEL = "benchmark-completed";

    private final ProcessedEvents processed;
    private final BenchmarkResultRepository results;

    public BenchmarkCompletedConsumer(ProcessedEvents processed, BenchmarkResultRepository results) {
        this.processed = processed;
        this.results = results;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<BenchmarkCompleted> event =
                IncomingEvent.of(record, EventType.BENCHMARK_COMPLETED, BenchmarkCompleted.class);
        if (processed.firstDelivery(CHANNEL, event.id())) {
            results.insert(event.payload());
        }
    }
}
