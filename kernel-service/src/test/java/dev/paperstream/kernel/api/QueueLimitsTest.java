package dev.paperstream.kernel.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.EventType;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A CPU that accepts 4 jobs a day and lets 1 wait: what is refused, and what admins see and cancel. */
@QuarkusTest
@TestProfile(QueueLimitsTest.SmallBudget.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueLimitsTest {
    private static final String ADMIN = "test-admin-token";
    private static final String EDITOR = "test-editor-token";
    /** Seconds of work on this CPU: the job behind it waits in the queue meanwhile. */
    private static final String LONG = """
            {"device":"cpu","variants":["naive","tiled"],"batch":1,"heads":8,"seqLens":[2048,4096],"headDim":64}""";

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.kernel.budget.cpu-jobs-per-day", "4",
                    "paperstream.kernel.budget.cpu-queue-cap", "1",
                    "paperstream.kernel.max-runs", "3", "paperstream.kernel.min-runs", "3");
        }
    }

    private static String small(int seqLen) {
        return """
                {"device":"cpu","variants":["naive"],"batch":1,"heads":1,"seqLens":[%d],"headDim":16}""".formatted(seqLen);
    }

    private static io.restassured.response.Response post(String body) {
        return given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body).post("/api/benchmarks");
    }

    private static String requestEvent(int seqLen) {
        String jobId = UUID.randomUUID().toString();
        EventTopics.send(new BenchmarkRequested(jobId, List.of("naive"), 1, 1, List.of(seqLen), 16, false, "fp32",
                "cpu", "2612.00100"), UUID.randomUUID().toString(), EventType.BENCHMARK_REQUESTED.ceType());
        return jobId;
    }

    @Test
    @Order(1)
    void aFullQueueRefusesAndAnAdminListsAndCancelsWhatWaits() {
        String running = post(LONG).then().statusCode(202).extract().path("jobId");
        KernelJobs.awaitStatus(running, "RUNNING");
        String waiting = post(small(32)).then().statusCode(202).extract().path("jobId");

        post(small(33)).then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("the cpu queue is full: 1 jobs wait (cap 1"));
        String refused = requestEvent(34);
        assertThat(KernelJobs.awaitStatus(refused, "REJECTED").getString("failure"))
                .contains("the cpu queue is full");

        given().auth().oauth2(EDITOR).queryParam("status", "queued").get("/api/benchmarks").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("status", "queued").get("/api/benchmarks").then().statusCode(200)
                .body("jobId", equalTo(List.of(waiting))).body("[0].status", equalTo("QUEUED"));
        given().auth().oauth2(ADMIN).queryParam("status", "waiting").get("/api/benchmarks").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("status must be one of"));

        given().auth().oauth2(EDITOR).delete("/api/benchmarks/" + waiting).then().statusCode(403);
        given().auth().oauth2(ADMIN).delete("/api/benchmarks/no-such-job").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-job"));
        given().auth().oauth2(ADMIN).delete("/api/benchmarks/" + running).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("is RUNNING"));
        given().auth().oauth2(ADMIN).delete("/api/benchmarks/" + waiting).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("failure", containsString("cancelled by admin"));
        given().auth().oauth2(ADMIN).delete("/api/benchmarks/" + waiting).then().statusCode(409)
                .body("detail", containsString("is CANCELLED"));
        given().auth().oauth2(ADMIN).queryParam("status", "QUEUED").get("/api/benchmarks").then().statusCode(200)
                .body("size()", equalTo(0));

        var published = KernelJobs.awaitCompleted(Set.of(refused, waiting), Duration.ZERO);
        BenchmarkCompleted rejected = KernelJobs.event(published.get(refused).get(0));
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.failure()).contains("the cpu queue is full");
        assertThat(rejected.paperId()).isEqualTo("2612.00100");
        assertThat(rejected.results()).isEmpty();
        BenchmarkCompleted cancelled = KernelJobs.event(published.get(waiting).get(0));
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.failure()).contains("cancelled by admin");
        KernelJobs.awaitStatus(running, "COMPLETED");
    }

    @Test
    @Order(2)
    void theDailyBudgetRefusesJobsBeyondItWithTheReason() {
        // today so far: the long job; the cancelled and the refused ones never ran and do not count
        for (int seqLen : new int[] {40, 41, 42}) {
            String id = post(small(seqLen)).then().statusCode(202).extract().path("jobId");
            KernelJobs.awaitStatus(id, "COMPLETED");
        }
        post(small(43)).then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("the cpu budget of 4 jobs a day is used up (4 accepted since 00:00 UTC"));
        String refused = requestEvent(44);
        assertThat(KernelJobs.awaitStatus(refused, "REJECTED").getString("failure"))
                .contains("budget of 4 jobs a day is used up", "ask again after");
        given().auth().oauth2(ADMIN).queryParam("status", "rejected").get("/api/benchmarks").then().statusCode(200)
                .body("jobId", org.hamcrest.Matchers.hasItem(refused));
    }
}
