package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperType;
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
class NotesApiTest {
    static final String EDITOR = "Bearer test-editor-token-long-enough";
    private static final String ID = "2609.20001";
    private static final String OLD_ID = "cs-lg/0101001";
    private static boolean fed;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        try (EventFeed feed = new EventFeed()) {
            feed.publish(ID, EventFeed.paper(ID, 1, "Tiled attention",
                    "Attention is a memory bottleneck on long inputs. We propose a tiled kernel that is 3x faster.",
                    Instant.parse("2026-09-01T00:00:00Z")));
            feed.publish(ID, EventFeed.score(ID, 1, "kernels", 9, PaperType.OPTIMIZATION));
            feed.publish(ID, new PaperParsed(ID, 1, "embedded", List.of(
                    new PaperParsed.Section("2 Method", "We split Q into blocks of 64 rows with block size 64."),
                    new PaperParsed.Section("5 Results", "The kernel uses 10x less memory than the baseline.")),
                    List.of(), List.of(), List.of(new PaperParsed.AlgorithmBlock("Algorithm 1", "Tiled forward pass")),
                    12, List.of("https://github.com/example/tiled"), false, false));
            feed.publish(OLD_ID, EventFeed.paper(OLD_ID, 1, "An old-style id", "Plain text.",
                    Instant.parse("2001-01-01T00:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/papers/" + ID + "/notes").jsonPath().getString("sections.pass2.methodology.value") != null
                        && given().get("/api/papers/" + OLD_ID).statusCode() == 200);
    }

    @Test
    void notesArePrefilledFromTheAbstractScoreAndParsedTextAndMarkedAsSuch() {
        given().get("/api/papers/" + ID + "/notes").then().statusCode(200)
                .body("sections.pass1.problem.value", equalTo("Attention is a memory bottleneck on long inputs."))
                .body("sections.pass2.methodology.prefilled", equalTo(true))
                .body("sections.pass2.methodology.updatedBy", equalTo("prefill:fulltext"))
                .body("sections.pass1.contribution.updatedBy", equalTo("prefill:metadata"))
                .body("sections.pass1.worthDeepRead.value", containsString("HIGH for team kernels"))
                .body("sections.pass2.methodology.value", equalTo("- 2 Method\n- 5 Results"))
                .body("sections.pass3.algorithms.value", equalTo("- Algorithm 1: Tiled forward pass"))
                .body("sections.pass3.codeRepository.value", equalTo("https://github.com/example/tiled"))
                .body("numericClaims.phrase", hasItem("10x less memory"))
                .body("numericClaims.phrase", hasItem("3x faster"))
                .body("actionableInsights.algorithms", contains("Algorithm 1: Tiled forward pass"));
    }

    @Test
    void editingNeedsAnEditorAndKeepsWhoAndWhen() {
        Map<String, Object> body = Map.of("pass1", Map.of("unclear", "x"));
        given().contentType(ContentType.JSON).body(Map.of("pass2", Map.of("unclear", "Why 64?")))
                .put("/api/papers/" + ID + "/notes").then().statusCode(401);
        given().header("Authorization", "Bearer test-viewer-token-long-enough").contentType(ContentType.JSON)
                .body(Map.of("pass2", Map.of("unclear", "Why 64?"))).put("/api/papers/" + ID + "/notes")
                .then().statusCode(403);
        given().header("Authorization", EDITOR).contentType(ContentType.JSON).body(body)
                .put("/api/papers/" + ID + "/notes").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("unknown field 'unclear' in pass1"));

        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pass2", Map.of("unclear", "Why blocks of 64?"),
                        "pass1", Map.of("problem", "Attention is a memory bottleneck on long inputs.")))
                .put("/api/papers/" + ID + "/notes").then().statusCode(200)
                .body("sections.pass2.unclear.value", equalTo("Why blocks of 64?"))
                .body("sections.pass2.unclear.prefilled", equalTo(false))
                .body("sections.pass2.unclear.updatedBy", equalTo("editor-1"))
                .body("sections.pass2.unclear.updatedAt", notNullValue())
                .body("sections.pass1.problem.prefilled", equalTo(false))
                .body("history[0].editedBy", equalTo("editor-1"))
                .body("history.field", hasItem("pass1.problem"))
                .body("history.field", hasItem("pass2.unclear"));
    }

    @Test
    void aPersonsTextIsNeverOverwrittenByALaterPrefill() {
        String id = "2609.20002";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Revised", "Attention is slow. We propose a tiling.",
                    Instant.parse("2026-09-01T00:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers/" + id).statusCode() == 200);
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pass1", Map.of("contribution", "A better tiling, by hand.")))
                .put("/api/papers/" + id + "/notes").then().statusCode(200);
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 2, "Revised v2",
                    "Attention is slow. We propose a new contribution sentence.", Instant.parse("2026-09-01T00:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/papers/" + id).jsonPath().getInt("version") == 2);
        given().get("/api/papers/" + id + "/notes").then()
                .body("sections.pass1.contribution.value", equalTo("A better tiling, by hand."))
                .body("sections.insights.coreContribution.value", equalTo("We propose a new contribution sentence."));
    }

    @Test
    void theChecklistIsTheSeedsMarkdownForTheParsedAlgorithm() {
        String md = given().get("/api/papers/" + ID + "/checklist.md").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        org.assertj.core.api.Assertions.assertThat(md)
                .startsWith("# Implementation Checklist: Algorithm 1\n\n## Core Algorithm\n\n```\nTiled forward pass\n```\n\n"
                        + "## Hyperparameters (from paper)\n\n- block size: 64\n\n## Data Requirements\n\n")
                .contains("\n## Computational Requirements\n\n", "\n## Watch Out For\n\n")
                .doesNotContain("\n---\n");
    }

    @Test
    void htmlInATitleOrANoteComesOutOfTheChecklistInert() {
        String id = "2609.20009";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Fast <script>alert(1)</script> attention & more",
                    "Attention is slow.", Instant.parse("2026-09-01T00:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers/" + id).statusCode() == 200);
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("spec", Map.of("failureModes", "Overflow <img src=x onerror=alert(2)>\n<b>NaN</b> in fp16")))
                .put("/api/papers/" + id + "/notes").then().statusCode(200);
        String md = given().get("/api/papers/" + id + "/checklist.md").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(md)
                .startsWith("# Implementation Checklist: Fast &lt;script&gt;alert(1)&lt;/script&gt; attention &amp; more\n")
                .contains("## Watch Out For\n\n- ⚠️ Overflow &lt;img src=x onerror=alert(2)&gt;\n"
                        + "- ⚠️ &lt;b&gt;NaN&lt;/b&gt; in fp16\n")
                .doesNotContain("<script", "<img", "<b>");
    }

    @Test
    void theQueueItemCanBeClaimedAndMovedThroughThePasses() {
        given().get("/api/papers/" + ID + "/queue").then().statusCode(200)
                .body("[0].team", equalTo("kernels")).body("[0].status", equalTo("NOT_STARTED"))
                .body("[0].dueAt", notNullValue()).body("[0].overdue", equalTo(false));
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .post("/api/papers/" + ID + "/queue/kernels/claim").then()
                .statusCode(200).body("claimedBy", equalTo("editor-1"));
        given().header("Authorization", EDITOR).contentType(ContentType.JSON).body(Map.of("status", "PASS1_DONE"))
                .put("/api/papers/" + ID + "/queue/kernels/status").then().statusCode(200)
                .body("status", equalTo("PASS1_DONE")).body("statusChangedBy", equalTo("editor-1"));
        given().header("Authorization", EDITOR).contentType(ContentType.JSON).body(Map.of("status", "READ"))
                .put("/api/papers/" + ID + "/queue/kernels/status").then().statusCode(400);
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .post("/api/papers/" + ID + "/queue/nobody/claim").then().statusCode(404);
        given().queryParam("team", "kernels").queryParam("status", "PASS1_DONE").get("/api/papers").then()
                .body("items.id", contains(ID)).body("items[0].claimedBy", equalTo("editor-1"));
        given().queryParam("team", "kernels").queryParam("status", "NOT_STARTED").get("/api/papers").then()
                .body("total", equalTo(0));
    }

    @Test
    void searchCoversNotesAsWellAsTitlesAndAbstracts() {
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pass3", Map.of("gotchas", "Watch the softmax rescaling with quokkas.")))
                .put("/api/papers/" + ID + "/notes").then().statusCode(200);
        given().queryParam("q", "quokka").get("/api/papers").then().statusCode(200).body("items.id", contains(ID));
    }

    @Test
    void oldStyleIdsWorkOnEveryPaperPath() {
        given().get("/api/papers/" + OLD_ID).then().statusCode(200).body("id", equalTo(OLD_ID));
        given().get("/api/papers/" + OLD_ID + "/notes").then().statusCode(200).body("paperId", equalTo(OLD_ID));
        given().get("/api/papers/" + OLD_ID + "/checklist.md").then().statusCode(200);
        given().get("/api/papers/" + OLD_ID + "/queue").then().statusCode(200);
    }
}
