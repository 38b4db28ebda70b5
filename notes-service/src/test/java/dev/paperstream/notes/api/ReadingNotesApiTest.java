package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's typed reading-notes fields in the notes JSON, next to the sections. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ReadingNotesApiTest {

    @Test
    void prefilledNotesGiveTheVerdictAndResultsButNoPassIsCompleteOrStarted() {
        String id = "2609.20201";
        feed(id, true);
        given().get("/api/papers/" + id + "/notes").then().statusCode(200)
                .body("worthDeepRead", equalTo(true))
                .body("mainResults.'faster (x)'", equalTo(3.0f))
                .body("pass1Complete", equalTo(false))
                .body("pass2Complete", equalTo(false))
                .body("pass3Complete", equalTo(false))
                .body("dateStarted", nullValue())
                .body("pass1Summary", equalTo("Attention is a memory bottleneck on long inputs. "
                        + "We propose a tiled kernel that is 3x faster."));
        String unscored = "2609.20202";
        feed(unscored, false);
        given().get("/api/papers/" + unscored + "/notes").then().statusCode(200).body("worthDeepRead", nullValue());
    }

    @Test
    void aPersonsNotesCompleteThePassStartTheReadingAndOutrankTheMachinesResults() {
        String id = "2609.20203";
        feed(id, true);
        String started = given().header("Authorization", NotesApiTest.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pass1", Map.of("problem", "Attention is a memory bottleneck on long inputs.",
                        "contribution", "A tiled kernel.", "worthDeepRead", "No, we already have one")))
                .put("/api/papers/" + id + "/notes").then().statusCode(200)
                .body("pass1Complete", equalTo(true))
                .body("pass2Complete", equalTo(false))
                .body("worthDeepRead", equalTo(false))
                .body("pass1Summary", equalTo("Attention is a memory bottleneck on long inputs. A tiled kernel."))
                .extract().path("dateStarted");
        org.assertj.core.api.Assertions.assertThat(Instant.parse(started)).isBefore(Instant.now().plusSeconds(1));

        given().header("Authorization", NotesApiTest.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pass2", Map.of("methodology", "Tiling in SRAM.", "results", "- 2.5x faster on an A100")))
                .put("/api/papers/" + id + "/notes").then().statusCode(200)
                .body("pass2Complete", equalTo(true))
                .body("mainResults", equalTo(Map.of("faster (x)", 2.5f)))
                .body("dateStarted", equalTo(started));
    }

    private static void feed(String id, boolean scored) {
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Tiled attention " + id,
                    "Attention is a memory bottleneck on long inputs. We propose a tiled kernel that is 3x faster.",
                    Instant.parse("2026-09-01T00:00:00Z")));
            if (scored) {
                feed.publish(id, EventFeed.score(id, 1, "kernels", 9, PaperType.OPTIMIZATION));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/papers/" + id).statusCode() == 200
                && (!scored || given().get("/api/papers/" + id + "/notes").jsonPath()
                        .getString("sections.pass1.worthDeepRead.value") != null));
    }
}
