package dev.paperstream.priority.messaging;

import static dev.paperstream.priority.messaging.PaperDiscoveredConsumerTest.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.Topics;
import dev.paperstream.testkit.TestTopics;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class TeamScoringFlowTest {
    private static final String EDITOR = "Bearer test-editor-token";

    private static void putProfile(String team, String body) {
        given().contentType(ContentType.JSON).header("Authorization", EDITOR).body(body)
                .when().put("/api/teams/" + team + "/profile").then().statusCode(200);
    }

    private static List<PaperScored> collect(KafkaConsumer<String, String> consumer, List<PaperScored> into) {
        TestTopics.poll(consumer).forEach(r -> into.add(EventJson.read(r.value(), PaperScored.class)));
        return into;
    }

    private static String newId(int n) {
        return "2612." + (10000 + n * 1000 + (int) (Math.random() * 999));
    }

    @Test
    void aPaperIsScoredForEveryTeamWhoseProfileMatchesItsCategoriesOrTerms() {
        putProfile("aa-dist", "{\"categories\": [\"cs.DC\"], \"terms\": [{\"term\": \"all-reduce\", \"weight\": 2}]}");
        String inCategory = newId(1);
        String byTerm = newId(2);
        String neither = newId(3);
        Instant published = Instant.now().minus(Duration.ofDays(3));
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_SCORED)) {
            TestTopics.send(inCategory, paper(inCategory, 1, "Pipeline schedules",
                    "Scheduling pipeline stages.", null, List.of("cs.DC"), published));
            TestTopics.send(byTerm, paper(byTerm, 1, "Faster all-reduce",
                    "A ring all-reduce variant.", null, List.of("cs.NI"), published));
            TestTopics.send(neither, paper(neither, 1, "Black hole spectra",
                    "Quasinormal modes.", null, List.of("gr-qc"), published));
            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> collect(consumer, seen).stream()
                    .filter(s -> s.team().equals("default")).map(PaperScored::id).distinct()
                    .filter(id -> List.of(inCategory, byTerm, neither).contains(id)).count() == 3);
            // one transaction publishes a paper's teams in name order on one partition, so "aa-dist"
            // would have arrived before "default"
            assertThat(seen).filteredOn(s -> s.team().equals("aa-dist")).extracting(PaperScored::id)
                    .containsExactlyInAnyOrder(inCategory, byTerm);
            PaperScored term = seen.stream().filter(s -> s.id().equals(byTerm) && s.team().equals("aa-dist"))
                    .findFirst().orElseThrow();
            assertThat(term.relevance()).isEqualTo(3);
            assertThat(term.reasons().get(3)).isEqualTo("relevance: 3/5 (matched: all-reduce (+2.0)): +3");
        }
    }

    @Test
    void onceATeamHasVotedOnEnoughPapersItsRelevanceIsLearned() {
        putProfile("learners", "{\"matchAll\": true, \"terms\": [{\"term\": \"zebra\", \"weight\": 1}]}");
        String[] liked = {"Tiled attention kernels on GPUs", "Fused softmax kernels for transformer inference",
                "Quantized attention for fast GPU inference"};
        String[] disliked = {"Dwarf galaxy rotation curves", "Stellar populations in globular clusters",
                "Galaxy cluster lensing maps"};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = newId(4 + i);
            ids.add(id);
            String title = i < 3 ? liked[i] : disliked[i - 3];
            PaperDiscovered p = paper(id, 1, title, title + ".", null, List.of("cs.LG"), Instant.now());
            TestTopics.send(id, p);
        }
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_SCORED)) {
            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> collect(consumer, seen).stream()
                    .filter(s -> s.team().equals("learners")).map(PaperScored::id).filter(ids::contains)
                    .distinct().count() == 6);
        }
        for (int i = 0; i < 6; i++) {
            given().contentType(ContentType.JSON).header("Authorization", EDITOR)
                    .body("{\"paperId\": \"" + ids.get(i) + "\", \"vote\": \"" + (i < 3 ? "up" : "down") + "\"}")
                    .when().post("/api/teams/learners/profile/feedback").then().statusCode(200);
        }
        given().when().get("/api/teams/learners/profile").then().statusCode(200)
                .body("relevanceModel", startsWith("learned"));
        given().contentType(ContentType.JSON)
                .body("{\"team\": \"learners\", \"title\": \"Attention kernels for GPU inference\","
                        + " \"monthsSincePublication\": 1}")
                .when().post("/api/score").then().statusCode(200)
                .body("factors[3].reason", containsString("learned from 6 votes"));
    }
}
