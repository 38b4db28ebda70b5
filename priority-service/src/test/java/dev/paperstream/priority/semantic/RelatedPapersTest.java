package dev.paperstream.priority.semantic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperSource;
import dev.paperstream.priority.api.ReplayShapes;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class RelatedPapersTest {
    static final String FLASH_TITLE = "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness";
    static final String FLASH = "Transformers are slow and memory-hungry on long sequences, since the time and memory "
            + "complexity of self-attention are quadratic in sequence length. We propose FlashAttention, an IO-aware "
            + "exact attention algorithm that uses tiling to reduce the number of memory reads/writes between GPU high "
            + "bandwidth memory and on-chip SRAM.";
    static final String FLASH_AGAIN_TITLE = "FlashAttention: fast and memory-efficient exact attention with IO awareness";
    static final String FLASH_AGAIN = "Transformers are slow and memory hungry on long sequences, because the time and "
            + "memory complexity of self-attention is quadratic in the sequence length. We propose FlashAttention, an "
            + "IO-aware exact attention algorithm using tiling to reduce memory reads and writes between GPU HBM and "
            + "on-chip SRAM.";
    static final String PAGED = "We manage the KV cache of attention in pages, as virtual memory does, so that GPU memory "
            + "is not wasted and batch sizes grow for large language model inference.";
    static final String MAMBA = "Foundation models are based on the Transformer and its attention module. We propose "
            + "selective state space models that scale linearly in sequence length and match attention's quality.";
    static final String COWS = "We observed the grazing time and herbage intake of dairy cows on alpine summer pastures "
            + "over three seasons.";

    static final String TEAM = "semantic-" + ThreadLocalRandom.current().nextInt(100_000);
    static final String PREFIX = "2611." + (10 + ThreadLocalRandom.current().nextInt(80));
    static final String FLASH_ID = PREFIX + "001";
    static final String COPY_ID = PREFIX + "002";
    static final String PAGED_ID = PREFIX + "003";
    static final String MAMBA_ID = PREFIX + "004";
    static final String COWS_ID = PREFIX + "005";
    static final String SEED_ID = PREFIX + "006";

    private static boolean stored;

    // once, before the first test (RestAssured knows the application's port only from then on)
    @BeforeEach
    void storeTeamAndPapersOnce() {
        if (stored) {
            return;
        }
        stored = true;
        // the team sees its category's papers and one seed paper outside it, so other tests' papers never show
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-editor-token").body("""
                {"categories": ["physics.hist-ph"], "terms": [], "seedPapers": ["%s"]}""".formatted(SEED_ID))
                .when().put("/api/teams/" + TEAM + "/profile").then().statusCode(200);
        Instant published = Instant.now().minus(Duration.ofDays(3));
        List<String> mine = List.of("physics.hist-ph");
        TestTopics.send(FLASH_ID, paper(FLASH_ID, 1, FLASH_TITLE, FLASH, null, mine, published));
        TestTopics.send(COPY_ID, paper(COPY_ID, 1, FLASH_AGAIN_TITLE, FLASH_AGAIN, null, mine, published));
        TestTopics.send(PAGED_ID, paper(PAGED_ID, 1, "PagedAttention: efficient memory management for LLM serving",
                PAGED, null, mine, published));
        TestTopics.send(MAMBA_ID, paper(MAMBA_ID, 1, "Linear-time sequence modelling with selective state spaces",
                MAMBA, null, mine, published));
        TestTopics.send(COWS_ID, paper(COWS_ID, 1, "Grazing behaviour of dairy cows on alpine pastures", COWS, null,
                mine, published));
        TestTopics.send(SEED_ID, paper(SEED_ID, 1, "Fast exact attention kernels that tile through on-chip SRAM",
                "An exact attention kernel for GPUs that tiles queries and keys through SRAM.", null,
                List.of("cs.LG"), published));
    }

    static PaperDiscovered paper(String id, int version, String title, String summary, String comment,
            List<String> categories, Instant published) {
        return new PaperDiscovered(id, version, title, List.of("A. Author"), summary, categories, categories.get(0),
                published, published, comment, null, null,
                new PaperLinks("https://arxiv.org/abs/" + id + "v" + version, "https://arxiv.org/pdf/" + id, List.of()),
                PaperSource.API);
    }

    @Inject
    EmbeddingWorker worker;

    /** Waits until the papers are consumed, embedding what is queued meanwhile (the scheduler is off in tests). */
    private JsonPath related(String id, int k) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(
                () -> {
                    worker.drain();
                    return given().queryParam("team", TEAM).queryParam("k", k).when()
                            .get("/api/papers/" + id + "/related").then().extract().response();
                },
                r -> r.statusCode() == 200 && r.jsonPath().getList("related").size() == Math.min(k, 5)).jsonPath();
    }

    @Test
    void embeddingsOfNearIdenticalTextsAreCloseAndOfUnrelatedTextsFar() {
        float[] flash = PaperEmbedder.embed(PaperEmbedder.text(FLASH_TITLE, FLASH));
        assertThat(PaperEmbedder.cosine(flash, PaperEmbedder.embed(PaperEmbedder.text(FLASH_AGAIN_TITLE, FLASH_AGAIN))))
                .isGreaterThan(0.9);
        assertThat(PaperEmbedder.cosine(flash, PaperEmbedder.embed(PaperEmbedder.text("Grazing dairy cows", COWS))))
                .isLessThan(0.5);
    }

    @Test
    void relatedPapersOfTheTeamComeBackMostSimilarFirstWithTheNearDuplicateFlagged() {
        JsonPath body = related(FLASH_ID, 10);
        List<Map<String, Object>> found = body.getList("related");
        assertThat(found).extracting(r -> r.get("id"))
                .containsExactly(COPY_ID, SEED_ID, PAGED_ID, MAMBA_ID, COWS_ID);
        assertThat(found).extracting(r -> ((Number) r.get("similarity")).doubleValue()).isSortedAccordingTo(
                (a, b) -> Double.compare(b, a));
        assertThat(found.get(0).get("duplicateOf")).isEqualTo(FLASH_ID);
        assertThat((String) found.get(0).get("note")).startsWith("near-duplicate of " + FLASH_ID + ": cosine 0.9");
        assertThat(found.subList(1, 5)).allSatisfy(r -> assertThat(r.get("duplicateOf")).isNull());
        assertThat(found.get(1).get("seed")).isEqualTo(true);
        assertThat(body.getList("nearDuplicates")).containsExactly(COPY_ID);
        assertThat(body.getString("index")).startsWith("in-process exact cosine");
        // notes' paper page reads this answer; its stand-in answers with the same shape
        ReplayShapes.assertSameShape("related.json", body.prettify());
    }

    @Test
    void kIsBoundedAndAnswersOnlyThatMany() {
        assertThat(related(FLASH_ID, 2).getList("related.id")).containsExactly(COPY_ID, SEED_ID);
        given().queryParam("k", 51).when().get("/api/papers/" + FLASH_ID + "/related").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("between 1 and 50, got 51"));
        given().queryParam("k", 0).when().get("/api/search/similar?text=attention").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void moreLikeThisFindsTheTeamsPapersNearestToATextOrAPaper() {
        related(FLASH_ID, 10);
        given().queryParam("team", TEAM).queryParam("k", 2)
                .queryParam("text", "a key-value cache for serving language models, paged like virtual memory")
                .when().get("/api/search/similar").then().statusCode(200)
                .body("related[0].id", equalTo(PAGED_ID));
        given().queryParam("team", TEAM).queryParam("paper", MAMBA_ID).queryParam("k", 1)
                .when().get("/api/search/similar").then().statusCode(200)
                .body("related.size()", equalTo(1)).body("paper", equalTo(MAMBA_ID));
    }

    @Test
    void badQueriesAreProblems() {
        given().when().get("/api/search/similar?text=x&paper=2301.00001").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("either 'text' or 'paper'"));
        given().when().get("/api/papers/2301.99999/related").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("team", "no-such-team").when().get("/api/papers/" + FLASH_ID + "/related").then()
                .statusCode(404).contentType("application/problem+json");
        given().queryParam("text", "x".repeat(2_001)).when().get("/api/search/similar").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("at most 2000"));
    }
}
