package dev.paperstream.priority.messaging;

import static dev.paperstream.priority.messaging.PaperDiscoveredConsumerTest.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.Topics;
import dev.paperstream.priority.citations.FakeSemanticScholarResource;
import dev.paperstream.testkit.TestTopics;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeSemanticScholarResource.class)
class RescoringTest {
    private static final String EDITOR = "Bearer test-editor-token";

    private static List<PaperScored> defaultScores(KafkaConsumer<String, String> consumer, String id,
            List<PaperScored> into) {
        TestTopics.poll(consumer).stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), PaperScored.class))
                .filter(s -> s.team().equals("default")).forEach(into::add);
        return into;
    }

    @Test
    void citationsAndFullTextCodeLinksRescoreAYoungPaperAndOnlyChangesArePublished() {
        String id = FakeSemanticScholarResource.CITED_PREFIX + (1000 + (int) (Math.random() * 8999));
        try (KafkaConsumer<String, String> consumer = TestTopics.consumer(Topics.PAPER_SCORED)) {
            TestTopics.send(id, paper(id, 1, "Benchmarks of transformer models",
                    "We compare many transformer models.", null, List.of("cs.CL"), Instant.now().minus(Duration.ofDays(10))));
            List<PaperScored> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> !defaultScores(consumer, id, seen).isEmpty());
            PaperScored first = seen.get(0);
            assertThat(first.citations()).isNull();
            assertThat(first.reasons().get(1)).isEqualTo("citations: unknown (not fetched yet from Semantic Scholar): +0");

            given().header("Authorization", EDITOR).when().post("/api/rescoring").then().statusCode(200)
                    .body("published", greaterThanOrEqualTo(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> defaultScores(consumer, id, seen).size() == 2);
            PaperScored cited = seen.get(1);
            assertThat(cited.citations()).isEqualTo(FakeSemanticScholarResource.CITATIONS);
            assertThat(cited.score()).isEqualTo(first.score() + 2);
            assertThat(cited.reasons().get(1)).startsWith("citations: 250 (Semantic Scholar) in 1 months = 250/month");

            given().header("Authorization", EDITOR).when().post("/api/rescoring").then().statusCode(200);
            TestTopics.send(id, new PaperParsed(id, 1, "grobid 0.8.0", List.of(), null, null,
                    null, 20, List.of("https://github.com/example/bench"), false, false));
            await().atMost(Duration.ofSeconds(30)).until(() -> defaultScores(consumer, id, seen).size() == 3);
            PaperScored withCode = seen.get(2);
            assertThat(withCode.hasCode()).isTrue();
            assertThat(withCode.score()).isEqualTo(cited.score() + 3);
            assertThat(withCode.reasons().get(0)).startsWith("code: github.com/example/bench found in full text");
        }
        // the second pass changed nothing, so the history has exactly the three published scores
        given().when().get("/api/papers/" + id + "/scores").then().statusCode(200)
                .body("findAll { it.team == 'default' }.score.size()", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void rescoringOnDemandNeedsAnEditorAndUnknownPapersHaveNoHistory() {
        given().when().post("/api/rescoring").then().statusCode(401);
        given().when().get("/api/papers/hep-th/0000001/scores").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
