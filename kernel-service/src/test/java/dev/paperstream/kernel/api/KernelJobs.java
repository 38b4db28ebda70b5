package dev.paperstream.kernel.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.testkit.TestTopics;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Waiting for jobs through the API and for their benchmark.completed records on the topic. */
final class KernelJobs {
    private KernelJobs() {
    }

    /** Waits until GET /api/benchmarks/{jobId} shows one of the statuses; returns that view. */
    static JsonPath awaitStatus(String jobId, String... statuses) {
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().get("/api/benchmarks/" + jobId);
            if (response.statusCode() == 404) {
                return false;
            }
            job[0] = response.then().statusCode(200).extract().jsonPath();
            return List.of(statuses).contains(job[0].getString("status"));
        });
        return job[0];
    }

    /**
     * Reads benchmark.completed from the beginning until every job id has a record, then {@code settle} more;
     * returns the records by job id (a job answered twice would show two).
     */
    static Map<String, List<ConsumerRecord<String, String>>> awaitCompleted(Set<String> jobIds, Duration settle) {
        Map<String, List<ConsumerRecord<String, String>>> found = new TreeMap<>();
        try (KafkaConsumer<String, String> c = TestTopics.consumer(EventType.BENCHMARK_COMPLETED.topic())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                poll(c, jobIds, found, Duration.ofMillis(200));
                return found.keySet().containsAll(jobIds);
            });
            poll(c, jobIds, found, settle);
        }
        return found;
    }

    private static void poll(KafkaConsumer<String, String> c, Set<String> jobIds,
            Map<String, List<ConsumerRecord<String, String>>> found, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        do {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                String jobId = EventJson.read(r.value(), BenchmarkCompleted.class).jobId();
                if (jobIds.contains(jobId)) {
                    found.computeIfAbsent(jobId, k -> new ArrayList<>()).add(r);
                }
            }
        } while (System.nanoTime() < end);
    }

    static BenchmarkCompleted event(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value(), BenchmarkCompleted.class);
    }
}
