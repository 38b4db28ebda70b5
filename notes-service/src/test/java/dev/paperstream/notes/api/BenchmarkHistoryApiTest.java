package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.notes.benchmarks.BenchmarkRuns;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/benchmark-history} and {@code /api/papers/{id}/claims}, fed through the broker. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class BenchmarkHistoryApiTest {
    private static final String GPU = "History GPU " + UUID.randomUUID();
    private static final String DEVICE = "cuda:" + GPU;
    private static final String OLD_GPU = "Old GPU " + UUID.randomUUID();
    private static final String BUILD_A = "1.0.0+aaaaaaaaaaaa+flash";
    private static final String BUILD_B = "1.1.0+bbbbbbbbbbbb+flash";
    private static final Instant DAY = Instant.parse("2026-11-01T02:00:00Z");
    private static final String PAPER = "2611.40001";
    private static boolean fed;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        try (EventFeed feed = new EventFeed()) {
            // published newest first: the history orders by completion, not arrival
            for (int day = 2; day >= 0; day--) {
                feed.publish("a-" + day, runA(day, "a-" + day));
            }
            // kernel-service answers a request attached to job a-1 with a-1's rows under the requester's id
            BenchmarkCompleted attached = runA(1, "a-1-attached");
            feed.publish("a-1-attached", BenchmarkRuns.run("a-1-attached", GPU, BUILD_A,
                    attached.completedAt().plusSeconds(60), null, attached.results()));
            feed.publish("b-0", BenchmarkRuns.run("b-0", GPU, BUILD_B, DAY.plus(Duration.ofDays(3)), null,
                    List.of(BenchmarkRuns.row("naive", 1024, 2.0, 40, 1L << 30),
                            BenchmarkRuns.row("tiled", 1024, 1.0, 80, 1L << 26))));
            // before kernelBuild was part of the event
            feed.publish("old-0", new BenchmarkCompleted("old-0", BenchmarkCompleted.COMPLETED,
                    new BenchmarkCompleted.DeviceInfo("cpu", OLD_GPU, null, null),
                    List.of(BenchmarkRuns.row("naive", 512, 9.0, 0.1, 1L << 20)), null, null, null, DAY));

            feed.publish(PAPER, EventFeed.paper(PAPER, 1, "Faster attention at 4k",
                    "Our kernel is 2x faster than FlashAttention at sequence length 4096. It needs 8x less memory."
                            + " On 16K context it is 3x faster.", DAY));
            feed.publish(PAPER, BenchmarkRuns.run("claims-run", GPU, BUILD_B, DAY, PAPER,
                    List.of(BenchmarkRuns.row("naive", 4096, 10.0, 30, 800L << 20),
                            BenchmarkRuns.row("tiled", 4096, 4.5, 70, 200L << 20))));
        }
        // the first test class of a run also waits for the consumers to join their groups on a busy machine
        await().atMost(Duration.ofSeconds(90)).until(() -> given().queryParam("device", DEVICE)
                .get("/api/benchmark-history").jsonPath().getList("runs").size() == 4
                && given().get("/api/benchmark-history/devices").jsonPath().getList("device").contains("cpu:" + OLD_GPU)
                && given().get("/api/papers/" + PAPER + "/claims").statusCode() == 200
                && !given().get("/api/benchmark-results?paperId=" + PAPER).jsonPath().getList("$").isEmpty());
    }

    /** Day {@code day} of build A: tiled gets faster every day, naive stays. Two shapes. */
    private static BenchmarkCompleted runA(int day, String jobId) {
        return BenchmarkRuns.run(jobId, GPU, BUILD_A, DAY.plus(Duration.ofDays(day)), null, List.of(
                BenchmarkRuns.row("naive", 1024, 2.0, 40, 1L << 30),
                BenchmarkRuns.row("tiled", 1024, 1.0 - day * 0.1, 80 + day * 10, 1L << 26),
                BenchmarkRuns.row("naive", 2048, 8.0, 40, 1L << 32),
                BenchmarkRuns.row("tiled", 2048, 3.0, 100, 1L << 27)));
    }

    @Test
    void aDeviceAndBuildHistoryListsEachRunOnceOldestFirstWithEveryVariantsNumbers() {
        JsonPath h = given().queryParam("device", DEVICE).queryParam("build", BUILD_A)
                .queryParam("shape", "b1-h8-n1024-d64-fp16").get("/api/benchmark-history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(h.getList("runs.jobId")).containsExactly("a-0", "a-1", "a-2");
        assertThat(h.getList("runs.kernelBuild")).containsOnly(BUILD_A);
        assertThat(h.getString("shape.label")).isEqualTo("B=1 H=8 N=1024 D=64 fp16");
        assertThat(h.getList("shapes.key")).containsExactlyInAnyOrder("b1-h8-n1024-d64-fp16", "b1-h8-n2048-d64-fp16");
        assertThat(h.getList("runs[2].variants.variant")).containsExactly("naive", "tiled");
        Map<String, Object> tiled = h.getMap("runs[2].variants[1]");
        assertThat(((Number) tiled.get("tflops")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) tiled.get("medianMs")).doubleValue()).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(tiled).containsKeys("p10Ms", "p90Ms", "gbps", "peakBytes", "passed");
    }

    @Test
    void withoutABuildEveryBuildOfTheDeviceIsInTheHistory() {
        JsonPath h = given().queryParam("device", DEVICE).get("/api/benchmark-history")
                .then().statusCode(200).extract().jsonPath();
        // the shape every run measured is chosen: N=1024
        assertThat(h.getString("shape.key")).isEqualTo("b1-h8-n1024-d64-fp16");
        assertThat(h.getList("runs.jobId")).containsExactly("a-0", "a-1", "a-2", "b-0");
        assertThat(h.getList("runs.kernelBuild")).containsExactly(BUILD_A, BUILD_A, BUILD_A, BUILD_B);
        assertThat(given().queryParam("device", DEVICE).queryParam("runs", 2).get("/api/benchmark-history")
                .jsonPath().getList("runs.jobId")).containsExactly("a-2", "b-0");
    }

    @Test
    void devicesAndBuildsAreListedAndResultsWithoutABuildAreUnreported() {
        List<Map<String, Object>> devices = given().get("/api/benchmark-history/devices")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(devices).filteredOn(d -> DEVICE.equals(d.get("device")))
                .extracting(d -> d.get("kernelBuild")).containsExactly(BUILD_B, BUILD_A);
        assertThat(devices).filteredOn(d -> ("cpu:" + OLD_GPU).equals(d.get("device")))
                .extracting(d -> d.get("kernelBuild")).containsExactly("unreported");
        assertThat(given().queryParam("device", "cpu:" + OLD_GPU).queryParam("build", "unreported")
                .get("/api/benchmark-history").jsonPath().getList("runs.jobId")).containsExactly("old-0");
    }

    @Test
    void badHistoryParametersAreProblemsThatSayWhatIsWrong() {
        given().get("/api/benchmark-history").then().statusCode(400)
                .body("detail", containsString("device must be kind:name"));
        given().queryParam("device", DEVICE).queryParam("runs", 201).get("/api/benchmark-history").then()
                .statusCode(400).body("detail", equalTo("runs must be a whole number from 1 to 200, got 201"));
        given().queryParam("device", DEVICE).queryParam("runs", "many").get("/api/benchmark-history").then()
                .statusCode(400).body("detail", containsString("runs must be a whole number from 1 to 200"));
        given().queryParam("device", DEVICE).queryParam("shape", "n1024").get("/api/benchmark-history").then()
                .statusCode(400).body("detail", containsString("shape must look like b1-h4-n2048-d64-fp32"));
    }

    @Test
    void eachClaimIsComparedAtItsOwnLengthWithARatioAndAVerdict() {
        JsonPath c = given().get("/api/papers/" + PAPER + "/claims").then().statusCode(200).extract().jsonPath();
        assertThat(c.getList("rows.claim")).containsExactly("2x faster", "8x less memory", "8x less memory", "3x faster");
        // the memory sentence states no length: it is checked at every length the abstract states
        assertThat(c.getList("rows.seqLen")).containsExactly(4096, 4096, 16384, 16384);
        assertThat(c.getList("rows.verdict"))
                .containsExactly("REPRODUCED", "PARTLY_REPRODUCED", "NOT_MEASURED", "NOT_MEASURED");
        assertThat(c.getDouble("rows[0].measured")).isEqualTo(10.0 / 4.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(c.getString("rows[0].verdictText"))
                .isEqualTo("Reproduced: measured 2.22x vs claimed 2x (111% of the claim) on " + GPU);
        assertThat(c.getString("rows[0].kernelBuild")).isEqualTo(BUILD_B);
        assertThat(c.getString("rows[0].shapeFrom")).isEqualTo("the claim's sentence");
        assertThat(c.getString("rows[1].verdictText"))
                .isEqualTo("Partly reproduced: measured 4.00x vs claimed 8x (50% of the claim) on " + GPU);
        assertThat(c.getString("rows[1].shapeFrom")).isEqualTo("the paper's title, abstract and comment");
        assertThat(c.getString("rows[3].verdictText")).startsWith("Not measured yet at N=16384");
        assertThat(c.getString("rows[3].shapeFrom")).isEqualTo("the claim's sentence");
        assertThat(c.getBoolean("truncated")).isFalse();

        given().get("/api/papers/2611.49999/claims").then().statusCode(404);
        given().get("/api/papers/not-an-id/claims").then().statusCode(400);
    }
}
