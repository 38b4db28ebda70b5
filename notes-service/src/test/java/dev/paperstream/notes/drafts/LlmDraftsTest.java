package dev.paperstream.notes.drafts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Notes drafted by a team's OpenAI-compatible model, against a local server answering in the real shapes. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@TestProfile(LlmDraftsTest.DraftsOn.class)
class LlmDraftsTest {
    static final String EDITOR = "Bearer test-editor-token-long-enough";
    static final String VIEWER = "Bearer test-viewer-token-long-enough";
    static final String TEAM_A_EDITOR = "Bearer test-team-a-editor-long-enough";

    public static class DraftsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.drafts.enabled", "true",
                    "paperstream.drafts.endpoints.local.model", "qwen-test",
                    "paperstream.drafts.endpoints.local.api-key", "sk-test-key-1234",
                    "paperstream.drafts.default-endpoint", "local",
                    "paperstream.drafts.teams.tight.daily-token-budget", "1500");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChatCompletionsServer.class));
        }
    }

    @Test
    void aDraftFillsTheEmptyPass1FieldsAsSuggestionsAndKeepsWhatAPersonWrote() {
        String id = paper("2611.30001");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pass1", Map.of("problem", "Our own words on the problem.")))
                .put("/api/papers/" + id + "/notes").then().statusCode(200);

        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "pass1"))
                .post("/api/papers/" + id + "/drafts").then().statusCode(200)
                .body("model", equalTo("gpt-4o-mini-2024-07-18"))
                .body("drafted", equalTo(List.of("pass1.contribution", "pass1.worthDeepRead")))
                .body("keptPersonText", equalTo(List.of("pass1.problem")))
                .body("promptTokens", equalTo(412)).body("completionTokens", equalTo(96));

        JsonPath notes = given().get("/api/papers/" + id + "/notes").then().statusCode(200).extract().jsonPath();
        assertThat(notes.getString("sections.pass1.problem.value")).isEqualTo("Our own words on the problem.");
        assertThat(notes.getBoolean("sections.pass1.problem.prefilled")).isFalse();
        assertThat(notes.getString("sections.pass1.contribution.value")).isEqualTo("A tiled kernel that is 3x faster.");
        assertThat(notes.getBoolean("sections.pass1.contribution.prefilled")).isTrue();
        assertThat(notes.getString("sections.pass1.contribution.updatedBy")).isEqualTo("draft:gpt-4o-mini-2024-07-18");

        JsonPath sent = JsonPath.from(control("last-request"));
        assertThat(sent.getString("model")).isEqualTo("qwen-test");
        assertThat(sent.getInt("max_tokens")).isEqualTo(800);
        assertThat(sent.getString("response_format.type")).isEqualTo("json_object");
        assertThat(sent.getString("messages[1].content")).contains("Tiled attention " + id);
        assertThat(control("last-authorization")).isEqualTo("Bearer sk-test-key-1234");

        String page = given().get("/papers/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("draft by gpt-4o-mini-2024-07-18, unchecked").contains("Our own words on the problem.");

        given().get("/api/papers/" + id + "/drafts").then().statusCode(200).body("$", hasSize(1))
                .body("[0].outcome", equalTo("drafted")).body("[0].requestedBy", equalTo("editor-1"))
                .body("[0].fieldsDrafted", equalTo(2));
    }

    @Test
    void theAnswersOfVllmAndOllamaAreReadLikeOpenAisAndAnImplementationSpecCanBeDrafted() {
        String id = paper("2611.30002");
        script("status=200&shape=vllm", "{\"algorithm\": \"1. Tile Q, K, V in SRAM.\", \"hyperParameters\":"
                + " \"block size: 128\", \"failureModes\": \"not stated\"}");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "spec"))
                .post("/api/papers/" + id + "/drafts").then().statusCode(200)
                .body("model", equalTo("Qwen/Qwen2.5-7B-Instruct"))
                .body("drafted", equalTo(List.of("spec.algorithm", "spec.hyperParameters", "spec.failureModes")));
        script("status=200&shape=ollama", "```json\n{\"problem\": \"Long inputs.\", \"contribution\": \"Tiling.\"}\n```");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "pass1"))
                .post("/api/papers/" + id + "/drafts").then().statusCode(200)
                .body("model", equalTo("llama3.2")).body("completionTokens", equalTo(88));
        JsonPath notes = given().get("/api/papers/" + id + "/notes").then().extract().jsonPath();
        assertThat(notes.getString("sections.spec.hyperParameters.value")).isEqualTo("block size: 128");
        assertThat(notes.getString("sections.pass1.contribution.value")).isEqualTo("Tiling.");
    }

    @Test
    void aTeamsDailyBudgetRefusesTheDraftThatCouldOverspendItWithoutAskingTheModel() {
        String id = paper("2611.30003");
        draft(id, "tight").then().statusCode(200);
        given().get("/api/teams/tight/drafts/usage").then().statusCode(200)
                .body("spentToday", equalTo(508)).body("dailyBudget", equalTo(1500));
        int asked = Integer.parseInt(control("count"));
        draft(id, "tight").then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("team tight has spent 508 of its 1500 tokens"));
        assertThat(Integer.parseInt(control("count"))).isEqualTo(asked);
        draft(id, "roomy").then().statusCode(200);
    }

    @Test
    void aBusyEndpointIsAskedAgainAfterItsRetryAfter() {
        String id = paper("2611.30004");
        script("status=429&retryAfter=1", "rate limited");
        int asked = Integer.parseInt(control("count"));
        long start = System.nanoTime();
        draft(id, "busy").then().statusCode(200);
        assertThat(Integer.parseInt(control("count"))).isEqualTo(asked + 2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aFailingEndpointIsA502ThatChargesNothing() {
        String id = paper("2611.30005");
        script("status=500", "model crashed");
        draft(id, "unlucky").then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("endpoint 'local' did not give a draft"))
                .body("detail", containsString("nothing was charged"));
        given().get("/api/teams/unlucky/drafts/usage").then().body("spentToday", equalTo(0));
        given().get("/api/papers/" + id + "/notes").then()
                .body("sections.pass1.contribution.updatedBy", org.hamcrest.Matchers.not(containsString("draft:")));
    }

    @Test
    void anAnswerThatIsNotTheAskedJsonIsA502RecordedAsUnusableAndItsTokensCount() {
        String id = paper("2611.30006");
        script("status=200", "Sure! The paper is about attention.");
        draft(id, "chatty").then().statusCode(502).body("detail", containsString("not JSON"));
        given().get("/api/teams/chatty/drafts/usage").then().body("spentToday", equalTo(508));
        given().get("/api/papers/" + id + "/drafts").then().body("[0].outcome", equalTo("unusable"));
    }

    @Test
    void onlyEditorsDraftAndOnlyKnownKindsAreDrafted() {
        String id = paper("2611.30007");
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "pass1"))
                .post("/api/papers/" + id + "/drafts").then().statusCode(403);
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "pass4"))
                .post("/api/papers/" + id + "/drafts").then().statusCode(400)
                .body("detail", equalTo("kind must be one of [pass1, spec], not 'pass4'"));
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "pass1"))
                .post("/api/papers/2611.39999/drafts").then().statusCode(404);
    }

    @Test
    void aMemberOfAnotherTeamCannotSpendOrReadThisTeamsDraftBudget() {
        String id = paper("2611.30008");
        given().header("Authorization", TEAM_A_EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", "kernels", "kind", "pass1"))
                .post("/api/papers/" + id + "/drafts").then().statusCode(403)
                .body("detail", containsString("team-a"));
        given().header("Authorization", TEAM_A_EDITOR).get("/api/teams/kernels/drafts/usage").then().statusCode(403);
        given().get("/api/teams/kernels/drafts/usage").then().statusCode(200);
    }

    private static io.restassured.response.Response draft(String id, String team) {
        return given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("team", team, "kind", "pass1")).post("/api/papers/" + id + "/drafts");
    }

    private static String paper(String id) {
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Tiled attention " + id,
                    "Attention is a memory bottleneck on long inputs. We propose a tiled kernel that is 3x faster.",
                    Instant.parse("2026-11-01T00:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers/" + id).statusCode() == 200);
        return id;
    }

    private static URI server() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("paperstream.drafts.endpoints.local.base-url",
                String.class));
        return base.resolve("/control/");
    }

    private static String control(String what) {
        return given().baseUri(server().toString()).get(what).then().statusCode(200).extract().asString();
    }

    private static void script(String query, String content) {
        given().baseUri(server().toString()).body(content).post("next?" + query).then().statusCode(204);
    }
}
