package dev.paperstream.kernel.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.TestTopics;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class BenchmarkResourceTest {
    private static final String EDITOR = "test-editor-token";
    private static final String E2E = """
            {"device":"cpu","variants":["naive"],"batch":1,"heads":2,"seqLens":[128],"headDim":32,
             "causal":false,"dtype":"fp32","paperId":"2307.08691"}""";

    private static String start(String body) {
        return given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body)
                .post("/api/benchmarks").then().statusCode(202).extract().path("jobId");
    }

    private static JsonPath awaitFinished(String jobId) {
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().get("/api/benchmarks/" + jobId);
            if (response.statusCode() == 404) {
                return false;
            }
            job[0] = response.then().statusCode(200).extract().jsonPath();
            return List.of("COMPLETED", "FAILED").contains(job[0].getString("status"));
        });
        return job[0];
    }

    private static List<ConsumerRecord<String, String>> awaitPublished(String jobId, Duration settle) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = TestTopics.consumer(EventType.BENCHMARK_COMPLETED.topic())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                EventTopics.collect(c, jobId, Duration.ofMillis(200), found);
                return !found.isEmpty();
            });
            EventTopics.collect(c, jobId, settle, found);
        }
        return found;
    }

    @Test
    void theEndToEndRequestCompletesCorrectlyAndIsPublishedUnderThePaperId() {
        String jobId = start(E2E);
        JsonPath job = awaitFinished(jobId);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("percentDone")).isEqualTo(100);
        assertThat(job.getString("device.kind")).isEqualTo("cpu");
        assertThat(job.getString("request.paperId")).isEqualTo("2307.08691");
        assertThat(job.getList("results")).hasSize(1);
        assertThat(job.getString("results[0].variant")).isEqualTo("naive");
        assertThat(job.getInt("results[0].seqLen")).isEqualTo(128);
        assertThat(job.getBoolean("results[0].passed")).isTrue();
        assertThat(job.getDouble("results[0].maxRelError")).isLessThan(1e-4);
        double p10 = job.getDouble("results[0].p10Ms");
        double median = job.getDouble("results[0].medianMs");
        assertThat(p10).isPositive().isLessThanOrEqualTo(median).isLessThanOrEqualTo(job.getDouble("results[0].p90Ms"));
        assertThat(job.getDouble("results[0].tflops")).isCloseTo(4.0 * 2 * 128 * 128 * 32 / (median / 1e3) / 1e12,
                org.assertj.core.api.Assertions.within(1e-9));

        List<ConsumerRecord<String, String>> published = awaitPublished(jobId, Duration.ofSeconds(1));
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(record.key()).isEqualTo("2307.08691");
        assertThat(TestTopics.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.BENCHMARK_COMPLETED.ceType());
        BenchmarkCompleted event = EventJson.read(record.value(), BenchmarkCompleted.class);
        assertThat(event.status()).isEqualTo(BenchmarkCompleted.COMPLETED);
        assertThat(event.paperId()).isEqualTo("2307.08691");
        assertThat(event.results()).extracting(Result::passed).containsExactly(true);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("paperstream_kernel_jobs_total\\{[^}]*status=\"COMPLETED\"[^}]*\\} [1-9]");
    }

    @Test
    void aRunningJobShowsItsProgressAndTheRowsSoFar() {
        String jobId = start("""
                {"device":"cpu","variants":["naive","tiled"],"batch":1,"heads":4,"seqLens":[256,512,768,1024],
                 "headDim":64,"causal":false,"dtype":"fp32"}""");
        List<Integer> percents = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonPath job = given().get("/api/benchmarks/" + jobId).then().statusCode(200).extract().jsonPath();
            if ("RUNNING".equals(job.getString("status")) && job.getString("currentShape") != null) {
                percents.add(job.getInt("percentDone"));
                shapes.add(job.getString("currentShape"));
                assertThat(job.getInt("percentDone")).isEqualTo(job.getList("results").size() * 100 / 8);
            }
            return "COMPLETED".equals(job.getString("status"));
        });
        assertThat(percents).isNotEmpty().isSorted().allMatch(p -> p >= 0 && p < 100);
        assertThat(shapes).allMatch(sh -> sh.matches("(naive|tiled) b1 h4 n(256|512|768|1024) d64 fp32"));
        JsonPath done = awaitFinished(jobId);
        assertThat(done.getInt("percentDone")).isEqualTo(100);
        assertThat(done.getString("currentShape")).isNull();
        assertThat(done.getList("results")).hasSize(8);
    }

    @Test
    void requestsThatCannotRunAreProblemsThatSayWhy() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(E2E.replace("\"naive\"", "\"magic\""))
                .post("/api/benchmarks").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown variant 'magic'"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(E2E.replace("\"batch\":1", "\"batch\":0"))
                .post("/api/benchmarks").then().statusCode(400).body("detail", containsString("batch must be positive"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(E2E.replace("\"batch\":1", "\"batch\":4096").replace("[128]", "[65536]"))
                .post("/api/benchmarks").then().statusCode(400).body("detail", containsString("per tensor"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(E2E.replace("\"fp32\"", "\"bf16\""))
                .post("/api/benchmarks").then().statusCode(400).body("detail", containsString("dtype bf16"));
    }

    @Test
    void startingAJobNeedsAnEditor() {
        given().contentType(ContentType.JSON).body(E2E).post("/api/benchmarks").then().statusCode(401);
        given().auth().oauth2("test-viewer-token").contentType(ContentType.JSON).body(E2E)
                .post("/api/benchmarks").then().statusCode(403);
    }

    @Test
    void livenessChecksTheWorkersAndSaysWhyThereIsNoCuda() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'benchmark-workers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'benchmark-workers' }.data.cpu", containsString("threads"));
    }

    @Test
    void anUnknownJobIsNotFound() {
        given().get("/api/benchmarks/no-such-job").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-job"));
    }

    @Test
    void aRequestedEventRunsOnceEvenWhenDeliveredAgain() {
        String jobId = UUID.randomUUID().toString();
        BenchmarkRequested event = new BenchmarkRequested(jobId, List.of("naive"), 1, 1, List.of(64, 96), 16, true,
                "fp32", "auto", null);
        String ceId = UUID.randomUUID().toString();
        EventTopics.send(event, ceId, EventType.BENCHMARK_REQUESTED.ceType());
        EventTopics.send(event, ceId, EventType.BENCHMARK_REQUESTED.ceType());
        EventTopics.send(event, UUID.randomUUID().toString(), EventType.BENCHMARK_REQUESTED.ceType());

        JsonPath job = awaitFinished(jobId);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getList("results.seqLen")).containsExactly(64, 96);
        assertThat(job.getList("results.passed")).containsOnly(true);
        assertThat(job.getString("deviceNote")).contains("CUDA unavailable");
        List<ConsumerRecord<String, String>> published = awaitPublished(jobId, Duration.ofSeconds(3));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo(jobId);
    }

    @Test
    void aRequestedEventThatCannotRunIsPublishedAsFailedWithItsCause() {
        String jobId = UUID.randomUUID().toString();
        EventTopics.send(new BenchmarkRequested(jobId, List.of("naive"), 1, 1, List.of(64), 0, false, "fp32", "cpu",
                "2205.14135"), UUID.randomUUID().toString(), EventType.BENCHMARK_REQUESTED.ceType());

        JsonPath job = awaitFinished(jobId);
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("failure")).contains("headDim must be positive");
        BenchmarkCompleted event = EventJson.read(awaitPublished(jobId, Duration.ZERO).get(0).value(),
                BenchmarkCompleted.class);
        assertThat(event.status()).isEqualTo(BenchmarkCompleted.FAILED);
        assertThat(event.failure()).contains("headDim must be positive");
        assertThat(event.paperId()).isEqualTo("2205.14135");
    }

    @Test
    void eventsOfAnUnknownVersionOrMalformedAreDeadLetteredWithTheReasonAndTheNextRequestRuns() {
        String jobId = UUID.randomUUID().toString();
        BenchmarkRequested request = new BenchmarkRequested(jobId, List.of("naive"), 1, 1, List.of(64), 16, false,
                "fp32", "cpu", null);
        EventTopics.send(request, UUID.randomUUID().toString(), "paperstream.benchmark.requested.v9");
        try (TestTopics.Publisher p = new TestTopics.Publisher(TestTopics.bootstrapServers())) {
            p.publish(EventType.BENCHMARK_REQUESTED.topic(), jobId, "{\"jobId\": \"" + jobId + "\", \"variants\": [",
                    UUID.randomUUID().toString(), EventType.BENCHMARK_REQUESTED.ceType());
        }
        try (KafkaConsumer<String, String> dlq = TestTopics.consumer("dlq.kernel.benchmark.requested")) {
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (jobId.equals(r.key())) {
                        dead.add(r);
                    }
                });
                return dead.size() == 2;
            });
            assertThat(TestTopics.header(dead.get(0), "dead-letter-reason")).isEqualTo("paperstream.benchmark.requested.v1"
                    + " record on benchmark.requested has ce_type paperstream.benchmark.requested.v9 (a type this consumer"
                    + " does not know); expected paperstream.benchmark.requested.v1");
            assertThat(TestTopics.header(dead.get(1), "dead-letter-reason")).startsWith("BenchmarkRequested: ");
        }
        given().get("/api/benchmarks/" + jobId).then().statusCode(404).body("status", equalTo(404));

        // the same key again, readable this time: it runs
        EventTopics.send(request, UUID.randomUUID().toString(), EventType.BENCHMARK_REQUESTED.ceType());
        assertThat(awaitFinished(jobId).getString("status")).isEqualTo("COMPLETED");
    }
}
