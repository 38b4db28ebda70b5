package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class PapersApiTest {
    @Inject
    AgroalDataSource dataSource;
    private static final String TEAM = "ranking-team";

    private static boolean fed;

    /** Papers of their own team and id range, so that other test classes' papers do not interfere. */
    @BeforeEach
    void feedPapersOnce() {
        if (fed) {
            return;
        }
        fed = true;
        try (EventFeed feed = new EventFeed()) {
            Instant base = Instant.parse("2026-10-01T00:00:00Z");
            feed.publish("2610.10001", EventFeed.paper("2610.10001", 1, "Low one", "sparse kernels", base));
            feed.publish("2610.10002", EventFeed.paper("2610.10002", 1, "High older", "flash attention tiling", base));
            feed.publish("2610.10003", EventFeed.paper("2610.10003", 1, "High newer", "flash attention kernels",
                    base.plusSeconds(86_400)));
            feed.publish("2610.10004", EventFeed.paper("2610.10004", 1, "High best", "attention", base));
            feed.publish("2610.10005", EventFeed.paper("2610.10005", 1, "Medium", "mixture of experts", base));
            feed.publish("2610.10006", EventFeed.paper("2610.10006", 1, "Unscored <b>zebra</b>", "zebra", base));
            feed.publish("2610.10001", EventFeed.score("2610.10001", 1, TEAM, 2, PaperType.THEORETICAL));
            feed.publish("2610.10002", EventFeed.score("2610.10002", 1, TEAM, 7, PaperType.OPTIMIZATION));
            feed.publish("2610.10003", EventFeed.score("2610.10003", 1, TEAM, 7, PaperType.OPTIMIZATION));
            feed.publish("2610.10004", EventFeed.score("2610.10004", 1, TEAM, 10, PaperType.ARCHITECTURE));
            feed.publish("2610.10005", EventFeed.score("2610.10005", 1, TEAM, 5, PaperType.EMPIRICAL));
            feed.publish("2610.10005", EventFeed.score("2610.10005", 1, "other-team", 8, PaperType.EMPIRICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", TEAM).get("/api/papers").jsonPath().getInt("total") == 5
                        && given().get("/api/papers/2610.10006").statusCode() == 200
                        && given().queryParam("team", "other-team").get("/api/papers").jsonPath().getInt("total") == 1);
    }

    @Test
    void theTeamListIsOrderedByPriorityThenScoreThenNewest() {
        given().queryParam("team", TEAM).get("/api/papers").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.id", contains("2610.10004", "2610.10003", "2610.10002", "2610.10005", "2610.10001"))
                .body("items.priority", contains("HIGH", "HIGH", "HIGH", "MEDIUM", "LOW"))
                .body("items[0].paperType", equalTo("ARCHITECTURE"))
                .body("items[0].team", equalTo(TEAM))
                .body("items[0].authors", contains("Ada Lovelace", "Alan Turing"))
                .body("items[0].primaryCategory", equalTo("cs.LG"));
    }

    @Test
    void pagingPastTheDocumentedBoundsIsA400ThatSaysTheBound() {
        given().queryParam("offset", 10_001).get("/api/papers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("offset must be a whole number from 0 to 10000, got '10001'"));
        given().queryParam("offset", Integer.MAX_VALUE).get("/api/papers").then().statusCode(400);
        given().queryParam("limit", 501).get("/api/papers").then().statusCode(400)
                .body("detail", equalTo("limit must be a whole number from 1 to 500, got '501'"));
        given().queryParam("limit", 501).get("/api/benchmark-results").then().statusCode(400);
        given().queryParam("offset", 10_001).get("/").then().statusCode(400);
        given().queryParam("offset", 10_000).queryParam("limit", 500).get("/api/papers").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void filtersCombineAndPagesAreCounted() {
        given().queryParam("team", TEAM).queryParam("priority", "high").queryParam("limit", 2).queryParam("offset", 1)
                .get("/api/papers").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains("2610.10003", "2610.10002"));
        given().queryParam("team", TEAM).queryParam("type", "OPTIMIZATION").get("/api/papers").then()
                .body("total", equalTo(2));
        given().queryParam("team", TEAM).queryParam("q", "flash attention").get("/api/papers").then()
                .body("items.id", contains("2610.10003", "2610.10002"));
    }

    @Test
    void aPaperScoredForTwoTeamsIsListedOncePerTeamAndUnscoredPapersOnlyWithoutScoreFilters() {
        given().queryParam("q", "mixture").get("/api/papers").then().statusCode(200)
                .body("items.team", contains("other-team", TEAM));
        given().queryParam("q", "zebra").get("/api/papers").then()
                .body("items", hasSize(1)).body("items[0].team", nullValue()).body("items[0].priority", nullValue())
                .body("items[0].title", equalTo("Unscored <b>zebra</b>"));
        given().queryParam("q", "zebra").queryParam("priority", "LOW").get("/api/papers").then()
                .body("total", equalTo(0));
    }

    @Test
    void badFilterValuesAreProblems() {
        given().queryParam("priority", "URGENT").get("/api/papers").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("URGENT"));
        given().queryParam("type", "POEM").get("/api/papers").then().statusCode(400);
        given().queryParam("limit", 501).get("/api/papers").then().statusCode(400)
                .body("detail", containsString("limit"));
        given().queryParam("limit", "ten").get("/api/papers").then().statusCode(400);
        given().queryParam("offset", -1).get("/api/papers").then().statusCode(400);
    }

    @Test
    void aPaperIdMustBeAnUnversionedArxivId() {
        given().get("/api/papers/not-an-id").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not-an-id"));
        given().get("/api/papers/2610.10004v1").then().statusCode(400)
                .body("detail", containsString("without version"));
        given().get("/api/papers/2610.99999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/papers/hep-th/9901001").then().statusCode(404);
        given().queryParam("paperId", "nonsense").get("/api/benchmark-results").then().statusCode(400);
    }

    @Test
    void aLongListStopsCountingPastOneThousandAndSaysThereAreMore() throws Exception {
        // 1,100 rows of one team, written straight to the tables: this is about listing, not consuming
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO paper (id, version, title, authors, abstract, categories, primary_category, published,
                                       link_abs, source)
                    SELECT '2512.' || lpad(i::text, 5, '0'), 1, 'Crowded ' || i, ARRAY['Ada'], 'crowded', ARRAY['cs.LG'],
                           'cs.LG', timestamptz '2025-12-01' + (i || ' minutes')::interval, 'https://arxiv.org/abs/x',
                           'snapshot'
                    FROM generate_series(1, 1100) AS i""");
            s.executeUpdate("""
                    INSERT INTO paper_score (paper_id, team, version, score, priority, priority_rank, paper_type,
                                             relevance, has_code, citations, months_since, reasons, scored_at, published)
                    SELECT id, 'crowded-team', 1, 5, 'MEDIUM', 1, 'EMPIRICAL', 3, false, NULL, 1.0, ARRAY['r'], now(),
                           published
                    FROM paper WHERE id LIKE '2512.%'""");
        }
        given().queryParam("team", "crowded-team").get("/api/papers").then().statusCode(200)
                .body("total", equalTo(1000)).body("totalExact", equalTo(false)).body("items", hasSize(50))
                .body("items[0].id", equalTo("2512.01100"));
        given().queryParam("team", "crowded-team").queryParam("offset", 1080).queryParam("limit", 50)
                .get("/api/papers").then().statusCode(200)
                .body("total", equalTo(1100)).body("totalExact", equalTo(true)).body("items", hasSize(20))
                .body("items[19].id", equalTo("2512.00001"));
        given().queryParam("team", "crowded-team").get("/").then().statusCode(200)
                .body(containsString("1–50 of more than 1,000"));
    }
}
