package dev.paperstream.kernel.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ScheduledSweepTest {
    @Inject
    ScheduledSweep sweep;

    @Test
    void theSweepQueuesOneJobPerHeadDimAndMaskAndEachRunsEveryLength() {
        List<String> ids = sweep.submit();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        List<JsonPath> done = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            done.clear();
            for (String id : ids) {
                JsonPath job = given().get("/api/benchmarks/" + id).then().statusCode(200).extract().jsonPath();
                if (!List.of("COMPLETED", "FAILED").contains(job.getString("status"))) {
                    return false;
                }
                done.add(job);
            }
            return true;
        });
        assertThat(done).extracting(j -> j.getString("status")).containsOnly("COMPLETED");
        assertThat(done).extracting(j -> j.getString("origin")).containsOnly("schedule");
        assertThat(done).extracting(j -> j.getInt("request.headDim") + "/" + j.getBoolean("request.causal"))
                .containsExactlyInAnyOrder("64/false", "64/true", "128/false", "128/true");
        for (JsonPath job : done) {
            // auto on a machine without CUDA: naive and tiled on the CPU, the reason in the note
            assertThat(job.getList("results.variant")).containsExactly("naive", "tiled", "naive", "tiled");
            assertThat(job.getList("results.seqLen")).containsExactly(48, 48, 96, 96);
            assertThat(job.getList("results.passed")).containsOnly(true);
            assertThat(job.getString("deviceNote")).contains("fused ran as tiled");
        }
    }
}
