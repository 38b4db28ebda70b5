package dev.paperstream.kernel.api;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.testkit.TestTopics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** The kernel's topics in tests: its benchmark.completed records by job, and requests for it to consume. */
final class EventTopics {
    private EventTopics() {
    }

    /** Polls the consumer for {@code wait} and adds the benchmark.completed records of the job to {@code found}. */
    static void collect(KafkaConsumer<String, String> c, String jobId, Duration wait,
            List<ConsumerRecord<String, String>> found) {
        long end = System.nanoTime() + wait.toNanos();
        do {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                if (EventJson.read(r.value(), BenchmarkCompleted.class).jobId().equals(jobId)) {
                    found.add(r);
                }
            }
        } while (System.nanoTime() < end);
    }

    /** Publishes the request with this ce_id and ce_type (an unknown type is a test of the dead-letter path). */
    static void send(BenchmarkRequested event, String ceId, String ceType) {
        try (TestTopics.Publisher p = new TestTopics.Publisher(TestTopics.bootstrapServers())) {
            p.publish(EventType.BENCHMARK_REQUESTED.topic(), event.jobId(), EventJson.write(event), ceId, ceType);
        }
    }
}
