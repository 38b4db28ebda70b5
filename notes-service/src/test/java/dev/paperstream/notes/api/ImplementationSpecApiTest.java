package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ImplementationSpecApiTest {
    private static final String TWO_ALGORITHMS = "2609.20101";
    private static boolean fed;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        try (EventFeed feed = new EventFeed()) {
            feed.publish(TWO_ALGORITHMS, EventFeed.paper(TWO_ALGORITHMS, 1, "Two-pass tiled attention",
                    "Attention is slow. We propose a tiled forward and backward pass.",
                    Instant.parse("2026-09-01T00:00:00Z")));
            feed.publish(TWO_ALGORITHMS, new PaperParsed(TWO_ALGORITHMS, 1, "embedded", List.of(
                    new PaperParsed.Section("3 Training", "We train with AdamW with a learning rate of 3e-4 and a "
                            + "batch size of 256 for 100 epochs."),
                    new PaperParsed.Section("4 Setup", "Training uses 8 A100 GPUs for two days. We pre-train on the "
                            + "C4 corpus."),
                    new PaperParsed.Section("6 Limitations", "The kernel overflows in fp16 for long rows. Rows must "
                            + "fit in shared memory.")),
                    List.of(), List.of(), List.of(
                            new PaperParsed.AlgorithmBlock("Algorithm 1", "Forward pass\nfor each block j < T_c:\n  "
                                    + "load K_j, V_j"),
                            new PaperParsed.AlgorithmBlock("Algorithm 2", "Backward pass\nrecompute S = Q K^T")),
                    20, List.of(), true, false));
        }
        // (404 until the paper is in)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/papers/" + TWO_ALGORITHMS + "/specs").then().statusCode(200).body("name", hasSize(2)));
    }

    @Test
    void aPaperWithTwoAlgorithmsGetsTwoChecklistsSeparatedByARule() {
        String md = given().get("/api/papers/" + TWO_ALGORITHMS + "/checklist.md").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        String[] checklists = md.split("\n---\n\n");
        assertThat(checklists).hasSize(2);
        String paperWide = "## Hyperparameters (from paper)\n\n- learning rate: 3e-4\n- batch size: 256\n- epochs: 100\n"
                + "- optimizer: AdamW\n\n## Data Requirements\n\n- [ ] We pre-train on the C4 corpus.\n\n"
                + "## Computational Requirements\n\n- [ ] Training uses 8 A100 GPUs for two days.\n\n"
                + "## Watch Out For\n\n- ⚠️ The kernel overflows in fp16 for long rows.\n"
                + "- ⚠️ Rows must fit in shared memory.\n";
        assertThat(checklists[0]).isEqualTo("# Implementation Checklist: Algorithm 1\n\n## Core Algorithm\n\n"
                + "```\nForward pass\nfor each block j < T_c:\n  load K_j, V_j\n```\n\n" + paperWide);
        assertThat(checklists[1]).isEqualTo("# Implementation Checklist: Algorithm 2\n\n## Core Algorithm\n\n"
                + "```\nBackward pass\nrecompute S = Q K^T\n```\n\n" + paperWide);
    }

    @Test
    void theSpecsAreJsonWithOneSpecPerAlgorithm() {
        given().get("/api/papers/" + TWO_ALGORITHMS + "/specs").then().statusCode(200)
                .body("name", contains("Algorithm 1", "Algorithm 2"))
                .body("[1].coreAlgorithm", equalTo("Backward pass\nrecompute S = Q K^T"))
                .body("[0].hyperparameters.'learning rate'", equalTo("3e-4"))
                .body("[0].hyperparameters.'batch size'", equalTo("256"))
                .body("[0].dataRequirements", contains("We pre-train on the C4 corpus."))
                .body("[0].computeRequirements", contains("Training uses 8 A100 GPUs for two days."))
                .body("[1].watchOutFor", contains("The kernel overflows in fp16 for long rows.",
                        "Rows must fit in shared memory."));
        given().get("/api/papers/2609.29999/specs").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("2609.29999"));
    }

    @Test
    void aPaperWithoutAlgorithmsGetsOneChecklistNamedAfterItWithThePersonsSpec() {
        String id = "2609.20102";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Cosine   schedules", "Training is slow.",
                    Instant.parse("2026-09-01T00:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers/" + id).statusCode() == 200);
        given().header("Authorization", NotesApiTest.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("spec", Map.of(
                        "algorithm", "for step t:\n```\nlr = cos(t)",
                        "hyperParameters", "- beta2: 0.95\n- warm-up: 2000\n- Use a cosine schedule",
                        "computeRequirements", "One GPU")))
                .put("/api/papers/" + id + "/notes").then().statusCode(200);
        String md = given().get("/api/papers/" + id + "/checklist.md").then().statusCode(200).extract().asString();
        assertThat(md).startsWith("# Implementation Checklist: Cosine schedules\n\n## Core Algorithm\n\n"
                        + "````\nfor step t:\n```\nlr = cos(t)\n````\n\n## Hyperparameters (from paper)\n\n"
                        + "- beta2: 0.95\n- warm-up steps: 2000\n- note: Use a cosine schedule\n\n"
                        + "## Data Requirements\n\n_none recorded yet_\n\n"
                        + "## Computational Requirements\n\n- [ ] One GPU\n")
                .doesNotContain("\n---\n");
    }
}
