package dev.paperstream.notes.messaging;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.notes.store.BenchmarkQuestionRepository;
import dev.paperstream.notes.store.BenchmarkResultRepository;
import dev.paperstream.support.messaging.RecordConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * benchmark.completed: stores each job's results once, and records on the job's question how it ended
 * (every paper linked to the question then shows the result; a rejected or failed question may be asked
 * again after retry-after).
 */
@ApplicationScoped
public class BenchmarkCompletedConsumer {
    static final String CHANNEL = "benchmark-completed";

    private final BenchmarkResultRepository results;
    private final BenchmarkQuestionRepository questions;

    public BenchmarkCompletedConsumer(BenchmarkResultRepository results, BenchmarkQuestionRepository questions) {
        this.results = results;
        this.questions = questions;
    }

    @Incoming(CHANNEL)
    @Blocking
    @RecordConsumer(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, BenchmarkCompleted> record) {
        BenchmarkCompleted completed = record.value();
        if (results.insert(completed)) {
            questions.answered(completed.jobId(), completed.status(), completed.failure());
        }
    }
}
