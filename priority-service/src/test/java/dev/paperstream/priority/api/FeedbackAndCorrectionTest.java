package dev.paperstream.priority.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperSource;
import dev.paperstream.events.Topics;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** Votes retrain a team's model, which is measured and shown; corrections re-score a paper with the reason. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class FeedbackAndCorrectionTest {
    private static final String EDITOR = "Bearer test-editor-token";
    private static final String ADMIN = "Bearer test-admin-token";
    private static final String[] LIKED = {"Tiled attention kernels on GPUs", "Fused softmax kernels for attention",
            "Attention kernels with fewer memory reads"};
    private static final String[] DISLIKED = {"Dwarf galaxy rotation curves", "Stellar populations in galaxy clusters",
            "Galaxy cluster lensing maps"};

    private static String newId() {
        return "2610." + (50000 + (int) (Math.random() * 49999));
    }

    private static PaperDiscovered paper(String id, String title) {
        Instant published = Instant.now().minus(Duration.ofDays(2));
        return new PaperDiscovered(id, 1, title, List.of("A. Author"), title + ".", List.of("cs.LG"), "cs.LG",
                published, published, null, null, null,
                new PaperLinks("https://arxiv.org/abs/" + id + "v1", "https://arxiv.org/pdf/" + id, List.of()),
                PaperSource.API);
    }

    private static ValidatableResponse vote(String team, String id, String vote, String token) {
        return given().contentType(ContentType.JSON).header("Authorization", token)
                .body("{\"paperId\": \"" + id + "\", \"vote\": \"" + vote + "\"}")
                .when().post("/api/teams/" + team + "/profile/feedback").then();
    }

    private static ValidatableResponse correct(String id, String body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", token);
        }
        return request.when().post("/api/papers/" + id + "/corrections").then();
    }

    /** Sends the papers and waits until priority has scored each for the team. */
    private static List<String> discovered(String team, String... titles) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_SCORED)) {
            for (String title : titles) {
                String id = newId();
                ids.add(id);
                TestTopics.send(id, paper(id, title));
            }
            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestTopics.poll(consumer).forEach(r -> seen.add(EventJson.read(r.value(), PaperScored.class)));
                return seen.stream().filter(s -> s.team().equals(team)).map(PaperScored::id).filter(ids::contains)
                        .distinct().count() == ids.size();
            });
        }
        return ids;
    }

    private static void team(String team) {
        given().contentType(ContentType.JSON).header("Authorization", EDITOR)
                .body("{\"matchAll\": true, \"terms\": [{\"term\": \"zebra\", \"weight\": 1}]}")
                .when().put("/api/teams/" + team + "/profile").then().statusCode(200);
    }

    @Test
    void votesRetrainTheTeamsModelWhichRecordsItsHeldOutAucAndShowsItsTopTermsAndRescoresThePaper() {
        team("fb-learn");
        List<String> ids = discovered("fb-learn", LIKED[0], LIKED[1], LIKED[2], DISLIKED[0], DISLIKED[1], DISLIKED[2]);
        given().when().get("/api/teams/fb-learn/profile/model").then().statusCode(200)
                .body("learned", equalTo(false)).body("likedTerms", hasSize(0)).body("history", hasSize(0));

        for (int i = 0; i < 6; i++) {
            vote("fb-learn", ids.get(i), i < 3 ? "up" : i == 5 ? "not-relevant" : "down", EDITOR).statusCode(200);
        }

        String answer = given().when().get("/api/teams/fb-learn/profile/model").then().statusCode(200)
                .body("learned", equalTo(true)).body("examples", equalTo(6))
                .body("history", hasSize(1))
                .body("history[0].liked", equalTo(3)).body("history[0].disliked", equalTo(3))
                .body("history[0].folds", equalTo(3))
                .extract().asString();
        ReplayShapes.assertSameShape("model.json", answer);
        JsonPath model = JsonPath.from(answer);
        assertThat(model.getDouble("history[0].heldOutAuc")).isBetween(0.0, 1.0);
        assertThat(model.getList("likedTerms.term", String.class)).contains("attention", "kernels");
        assertThat(model.getList("dislikedTerms.term", String.class)).contains("galaxy");
        assertThat(model.getList("likedTerms.weight", Float.class)).allMatch(w -> w > 0);

        // a vote once the model is learned re-scores its paper at once (a liked paper now rates 5, not 1)
        ReplayShapes.assertSameShape("feedback.json",
                vote("fb-learn", ids.get(0), "up", ADMIN).statusCode(200).extract().asString());
        List<String> reasons = given().when().get("/api/papers/" + ids.get(0) + "/scores").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.team == 'fb-learn' }.reasons[-1]", String.class);
        assertThat(reasons).anyMatch(r -> r.matches("relevance: [45]/5 \\(learned from 6 votes.*"));

        given().when().get("/api/teams/fb-learn/profile").then()
                .body("feedback.up", equalTo(4)).body("feedback.down", equalTo(2))
                .body("feedback.notRelevant", equalTo(1));
    }

    @Test
    void aPersonsSameVoteTwiceCountsOnceAndTheirLatestVoteWins() {
        team("fb-idem");
        String id = discovered("fb-idem", LIKED[0]).get(0);
        vote("fb-idem", id, "up", EDITOR).statusCode(200).body("feedback.up", equalTo(1));
        vote("fb-idem", id, "up", EDITOR).statusCode(200).body("feedback.up", equalTo(1));
        vote("fb-idem", id, "not-relevant", EDITOR).statusCode(200)
                .body("feedback.up", equalTo(0)).body("feedback.notRelevant", equalTo(1));
        vote("fb-idem", id, "up", ADMIN).statusCode(200)
                .body("feedback.up", equalTo(1)).body("feedback.notRelevant", equalTo(1));
    }

    @Test
    void aCorrectedTypeRescoresThePaperForEveryTeamWithTheReasonInTheHistoryAndOnTheEvent() {
        team("fb-corr");
        String id = discovered("fb-corr", "Tiled attention kernels on GPUs, 3x faster").get(0);
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_SCORED)) {
            correct(id, "{\"paperType\": \"theoretical\", \"reason\": \"it proves a bound, no kernel\"}", EDITOR)
                    .statusCode(200)
                    .body("history.findAll { it.team == 'fb-corr' }.reasons[-1]",
                            hasItem("type: THEORETICAL (corrected from OPTIMIZATION by editor-1: it proves a bound,"
                                    + " no kernel): +0"));
            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                TestTopics.poll(consumer).forEach(r -> seen.add(EventJson.read(r.value(), PaperScored.class)));
                return seen.stream().anyMatch(s -> s.id().equals(id) && s.team().equals("fb-corr")
                        && s.paperType().name().equals("THEORETICAL"));
            });
            PaperScored rescored = seen.stream().filter(s -> s.id().equals(id) && s.team().equals("fb-corr")
                    && s.paperType().name().equals("THEORETICAL")).findFirst().orElseThrow();
            assertThat(rescored.reasons()).anyMatch(r -> r.contains("corrected from OPTIMIZATION by editor-1"));
            assertThat(rescored.score()).as("relevance 1, no longer +2 for OPTIMIZATION").isEqualTo(1);
        }
        // the same correction again changes nothing and publishes nothing
        correct(id, "{\"paperType\": \"THEORETICAL\", \"reason\": \"it proves a bound, no kernel\"}", EDITOR)
                .statusCode(200).body("published", equalTo(0));
    }

    @Test
    void aCorrectedRelevanceChangesTheTeamsScoreAndSaysWhoAndWhy() {
        team("fb-rel");
        String id = discovered("fb-rel", "Galaxy cluster lensing maps").get(0);
        int before = given().when().get("/api/papers/" + id + "/scores").then().extract().jsonPath()
                .getInt("findAll { it.team == 'fb-rel' }.score[-1]");
        ReplayShapes.assertSameShape("corrections.json", correct(id,
                "{\"team\": \"fb-rel\", \"relevance\": 5, \"reason\": \"we build the lensing pipeline\"}", ADMIN)
                .statusCode(200).body("published", equalTo(1)).extract().asString());
        JsonPath history = given().when().get("/api/papers/" + id + "/scores").then().extract().jsonPath();
        assertThat(history.getInt("findAll { it.team == 'fb-rel' }.score[-1]")).isEqualTo(before + 4);
        assertThat(history.getList("findAll { it.team == 'fb-rel' }.reasons[-1]", String.class))
                .contains("relevance: 5/5 (corrected from 1 by admin: we build the lensing pipeline): +5");
        assertThat(history.getList("findAll { it.team == 'default' }.reasons[-1]", String.class))
                .noneMatch(r -> r.contains("corrected"));
    }

    @Test
    void badCorrectionsAreRefusedWithWhatIsWrong() {
        team("fb-bad");
        String id = discovered("fb-bad", "Galaxy rotation curves").get(0);
        correct(id, "{\"paperType\": \"OPTIMIZATION\"}", EDITOR).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("reason"));
        correct(id, "{\"paperType\": \"systems\", \"reason\": \"x\"}", EDITOR).statusCode(400)
                .body("detail", containsString("unknown paperType 'systems'"));
        correct(id, "{\"relevance\": 3, \"reason\": \"x\"}", EDITOR).statusCode(400)
                .body("detail", containsString("give the team"));
        correct(id, "{\"team\": \"fb-bad\", \"relevance\": 9, \"reason\": \"x\"}", EDITOR).statusCode(400)
                .body("detail", containsString("1..5"));
        correct(id, "{\"reason\": \"x\"}", EDITOR).statusCode(400).body("detail", containsString("say what"));
        correct("2610.00001", "{\"paperType\": \"OPTIMIZATION\", \"reason\": \"x\"}", EDITOR).statusCode(404);
        correct(id, "{\"team\": \"nobody\", \"relevance\": 3, \"reason\": \"x\"}", EDITOR).statusCode(404);
        correct(id, "{\"paperType\": \"OPTIMIZATION\", \"reason\": \"x\"}", null).statusCode(401);
        correct(id, "{\"paperType\": \"OPTIMIZATION\", \"reason\": \"x\"}", "Bearer test-viewer-token").statusCode(403);
        correct(id, "{\"paperType\": \"OPTIMIZATION\", \"reason\": \"x\"}", "Bearer test-team-a-editor").statusCode(403)
                .body("detail", equalTo("correcting the type of " + id + " changes every team's scores, and not all"
                        + " teams are yours; you may use team-a"));
    }
}
