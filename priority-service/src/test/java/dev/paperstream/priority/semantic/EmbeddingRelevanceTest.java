package dev.paperstream.priority.semantic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A team's learned model reads embeddings once its papers have them: papers are first scored on words alone, then
 * once, after they are embedded, with words and meaning; both held-out AUCs are recorded. A near-duplicate's score
 * names the paper it repeats.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EmbeddingRelevanceTest {
    private static final String EDITOR = "Bearer test-editor-token";
    private static final String CATEGORY = "q-bio.PE";
    private static final String[][] LIKED = {
        {"Tiled attention kernels on GPUs", "We fuse the attention computation into one GPU kernel that tiles queries"
                + " and keys through shared memory."},
        {"Fused softmax kernels for transformer inference", "A CUDA kernel fusing softmax with matrix multiplication"
                + " speeds up transformer inference on GPUs."},
        {"Quantized matrix multiplication on tensor cores", "Low-bit weights multiplied on tensor cores make large"
                + " language model inference faster."},
        {"Sparse attention for long sequences on accelerators", "Block-sparse attention skips most query-key pairs"
                + " and runs long contexts on GPUs."}};
    private static final String[][] DISLIKED = {
        {"Grazing behaviour of dairy cows on alpine pastures", "We observed grazing time and herbage intake of dairy"
                + " cows over three summers."},
        {"Soil nitrogen after winter wheat", "Nitrogen in the soil was measured after winter wheat in field trials on"
                + " clay."},
        {"Pollinator visits to orchard flowers", "Bees and hoverflies visiting apple blossoms were counted in twelve"
                + " orchards."},
        {"Milk yield of goats fed with hay", "Goats fed hay of different quality gave different milk yields in a"
                + " two-year feeding trial."}};

    private final String team = "emb-" + ThreadLocalRandom.current().nextInt(100_000);
    private final String prefix = "2609." + (10 + ThreadLocalRandom.current().nextInt(80));

    @Inject
    EmbeddingWorker worker;

    @Inject
    Event<PapersEmbedded> embedded;

    private String send(int n, String title, String summary) {
        String id = prefix + String.format("%03d", n);
        Instant published = Instant.now().minus(Duration.ofDays(2));
        TestTopics.send(id, RelatedPapersTest.paper(id, 1, title, summary, null, List.of(CATEGORY), published));
        return id;
    }

    /** The paper's score history for the team, oldest first, once it has at least {@code atLeast} scores. */
    private List<Map<String, Object>> scores(String id, String forTeam, int atLeast) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var answer = given().when().get("/api/papers/" + id + "/scores");
            // 404 until the consumer has stored the paper just sent
            return answer.statusCode() == 404 ? List.<Map<String, Object>>of() : answer.then().statusCode(200)
                    .extract().jsonPath().<Map<String, Object>>getList("findAll { it.team == '" + forTeam + "' }");
        }, l -> l.size() >= atLeast);
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(Map<String, Object> score) {
        return (List<String>) score.get("reasons");
    }

    private JsonPath model() {
        return given().when().get("/api/teams/" + team + "/profile/model").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTeamsModelReadsEmbeddingsOnceTheyArriveAndRescoresEachPaperOnceWithBothAucsRecorded() {
        given().contentType(ContentType.JSON).header("Authorization", EDITOR)
                .body("{\"categories\": [\"" + CATEGORY + "\"], \"terms\": []}")
                .when().put("/api/teams/" + team + "/profile").then().statusCode(200);
        List<String> voted = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            voted.add(send(i, LIKED[i][0], LIKED[i][1]));
            voted.add(send(10 + i, DISLIKED[i][0], DISLIKED[i][1]));
        }
        voted.forEach(id -> scores(id, team, 1));
        for (int i = 0; i < voted.size(); i++) {
            given().contentType(ContentType.JSON).header("Authorization", EDITOR)
                    .body("{\"paperId\": \"" + voted.get(i) + "\", \"vote\": \"" + (i % 2 == 0 ? "up" : "down") + "\"}")
                    .when().post("/api/teams/" + team + "/profile/feedback").then().statusCode(200);
        }
        assertThat(model().getBoolean("usesEmbeddings")).as("no paper is embedded yet").isFalse();

        // hardly a word in common with the votes ("on", "of", "and"): words alone can hardly tell
        String gpu = send(20, "Neural network layers computed on graphics processors", "Dense layers of deep"
                + " networks run on massively parallel hardware in reduced numerical precision.");
        String cattle = send(21, "Cattle eating on mountain meadows", "Herd animals eating grass on highland meadows"
                + " were weighed each month.");
        Map<String, Object> gpuFirst = scores(gpu, team, 1).get(0);
        assertThat(reasons(gpuFirst)).anyMatch(r -> r.startsWith("relevance: ") && r.contains("learned from 8 votes")
                && !r.contains("meaning"));

        await().atMost(Duration.ofSeconds(120)).until(() -> {
            worker.drain();
            return model().getBoolean("usesEmbeddings") && scores(gpu, team, 1).size() == 2;
        });

        JsonPath model = model();
        List<Map<String, Object>> history = model.getList("history");
        Map<String, Object> wordsOnly = history.get(0);
        Map<String, Object> both = history.get(history.size() - 1);
        assertThat(wordsOnly.get("heldOutAucWithEmbeddings")).as("recorded before any embedding").isNull();
        assertThat(both.get("embedded")).isEqualTo(8);
        assertThat(((Number) both.get("heldOutAuc")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(((Number) both.get("heldOutAucWithEmbeddings")).doubleValue()).isBetween(0.5, 1.0);

        List<Map<String, Object>> gpuScores = scores(gpu, team, 2);
        assertThat(reasons(gpuScores.get(1))).anyMatch(r -> r.contains("words and meaning"));
        assertThat((Integer) gpuScores.get(1).get("score")).as("meaning says the team likes it")
                .isGreaterThan((Integer) gpuFirst.get("score"));
        List<Map<String, Object>> cattleScores = scores(cattle, team, 1);
        assertThat((Integer) cattleScores.get(cattleScores.size() - 1).get("score"))
                .isLessThan((Integer) gpuScores.get(1).get("score"));

        // a paper arriving now is scored at once on its words; its embedding comes later
        String late = send(22, "Attention kernels for long contexts", "A GPU attention kernel for long sequences.");
        assertThat(reasons(scores(late, team, 1).get(0))).anyMatch(r -> r.contains("words only (no embedding yet)"));

        // the same embeddings announced again (a redelivery) change and publish nothing
        long start = System.nanoTime();
        embedded.fire(new PapersEmbedded(List.of(gpu, cattle), Set.of()));
        System.out.printf("re-scoring 2 embedded papers for %s took %d ms%n", team, (System.nanoTime() - start) / 1_000_000);
        assertThat(scores(gpu, team, 2)).hasSize(2);
        assertThat(scores(cattle, team, 1)).hasSize(cattleScores.size());
    }

    @Test
    void aNearDuplicatesScoreNamesThePaperItRepeatsOnceItIsEmbedded() {
        String original = send(40, "Efficient memory management for large language model serving with paged"
                + " attention", "High throughput serving of large language models requires batching many requests,"
                + " but the key-value cache memory for each request is huge and grows and shrinks dynamically. We"
                + " propose PagedAttention, an attention algorithm inspired by virtual memory and paging in operating"
                + " systems.");
        scores(original, "default", 1);
        worker.drain();
        String copy = send(41, "Efficient memory management for large language model serving with PagedAttention",
                "High-throughput serving of large language models needs batching of many requests, but the key-value"
                        + " cache memory of each request is huge and grows and shrinks dynamically. We propose"
                        + " PagedAttention, an attention algorithm inspired by classic virtual memory and paging in"
                        + " operating systems.");
        List<Map<String, Object>> first = scores(copy, "default", 1);
        assertThat(reasons(first.get(0))).noneMatch(r -> r.startsWith("duplicate"));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            worker.drain();
            return scores(copy, "default", 1).size() == 2;
        });
        List<Map<String, Object>> after = scores(copy, "default", 2);
        assertThat(reasons(after.get(1))).anyMatch(r -> r.matches(
                "duplicate: same work as arXiv:" + original + " \\(cosine 0\\.9\\d\\)"));
        assertThat(after.get(1).get("score")).as("the note gives no points").isEqualTo(first.get(0).get("score"));
        assertThat(reasons(scores(original, "default", 1).get(0))).noneMatch(r -> r.startsWith("duplicate"));
        // announced again, nothing new is published
        embedded.fire(new PapersEmbedded(List.of(copy), Set.of(copy)));
        assertThat(scores(copy, "default", 2)).hasSize(2);
    }
}
