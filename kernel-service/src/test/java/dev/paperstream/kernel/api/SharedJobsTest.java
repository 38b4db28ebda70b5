package dev.paperstream.kernel.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.EventType;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class SharedJobsTest {
    private static final String ADMIN = "test-admin-token";

    private static String request(List<String> variants, List<Integer> seqLens, String paperId) {
        String jobId = UUID.randomUUID().toString();
        EventTopics.send(new BenchmarkRequested(jobId, variants, 1, 2, seqLens, 24, false, "fp32", "cpu", paperId),
                UUID.randomUUID().toString(), EventType.BENCHMARK_REQUESTED.ceType());
        return jobId;
    }

    @Test
    void requestsOfOneConfigurationShareOneJobAndEachIsAnsweredUnderItsOwnJobId() {
        String first = request(List.of("naive", "tiled"), List.of(112, 56), "2612.00001");
        // the same configuration written in another order
        String second = request(List.of("tiled", "naive"), List.of(56, 112, 56), "2612.00002");

        JsonPath job = KernelJobs.awaitStatus(first, "COMPLETED");
        // the job of these tiny shapes may finish before the second request is consumed, which then attaches
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/benchmarks/" + first).jsonPath().getInt("attachedRequests") == 1);
        assertThat(job.getString("configKey")).contains("variants=naive,tiled", "seqLens=56,112", "device=cpu:");
        // the second request is answered by the first job
        JsonPath shared = given().get("/api/benchmarks/" + second).then().statusCode(200).extract().jsonPath();
        assertThat(shared.getString("jobId")).isEqualTo(first);

        // a request after the job finished, still within the window, is answered at once from its results
        String third = request(List.of("naive", "tiled"), List.of(56, 112), "2612.00003");
        Map<String, List<ConsumerRecord<String, String>>> published =
                KernelJobs.awaitCompleted(Set.of(first, second, third), Duration.ofSeconds(2));
        assertThat(published).allSatisfy((jobId, records) -> assertThat(records).hasSize(1));
        BenchmarkCompleted a = KernelJobs.event(published.get(first).get(0));
        BenchmarkCompleted b = KernelJobs.event(published.get(second).get(0));
        BenchmarkCompleted c = KernelJobs.event(published.get(third).get(0));
        assertThat(List.of(a, b, c)).extracting(BenchmarkCompleted::status).containsOnly(BenchmarkCompleted.COMPLETED);
        assertThat(a.results()).hasSize(4).isEqualTo(b.results()).isEqualTo(c.results());
        assertThat(List.of(a, b, c)).extracting(BenchmarkCompleted::paperId)
                .containsExactly("2612.00001", "2612.00002", "2612.00003");
        assertThat(published.get(second).get(0).key()).isEqualTo("2612.00002");
        // every answer names the kernel build that measured, the one in the job's configuration key
        String build = job.getString("configKey").replaceFirst("^build=([^;]+);.*$", "$1");
        assertThat(build).isNotBlank().doesNotContain("build=");
        assertThat(List.of(a, b, c)).extracting(BenchmarkCompleted::kernelBuild).containsOnly(build);

        // only one job ran: the admin's list holds the first and neither of the others
        List<String> all = given().auth().oauth2(ADMIN).queryParam("limit", 500).get("/api/benchmarks")
                .then().statusCode(200).extract().jsonPath().getList("jobId");
        assertThat(all).contains(first).doesNotContain(second, third);
        assertThat(given().get("/api/benchmarks/" + third).jsonPath().getInt("attachedRequests")).isEqualTo(2);
    }

    @Test
    void anotherShapeIsAnotherQuestionAndGetsItsOwnJob() {
        String small = request(List.of("naive"), List.of(40), "2612.00011");
        String other = request(List.of("naive"), List.of(48), "2612.00012");
        assertThat(KernelJobs.awaitStatus(small, "COMPLETED").getString("jobId")).isEqualTo(small);
        assertThat(KernelJobs.awaitStatus(other, "COMPLETED").getString("jobId")).isEqualTo(other);
    }
}
