package dev.paperstream.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.store.SubscriptionRepository;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class SubscriptionResourceTest {
    @Inject
    SubscriptionRepository subscriptions;

    static RequestSpecification editor() {
        return given().header("Authorization", "Bearer test-editor-token");
    }

    @BeforeEach
    void clean() {
        FakeArxiv.reset();
        List<Integer> ids = given().when().get("/api/subscriptions").then().statusCode(200)
                .extract().jsonPath().getList("id", Integer.class);
        ids.forEach(id -> editor().when().delete("/api/subscriptions/" + id).then().statusCode(204));
    }

    @Test
    void subscriptionsAreAddedListedAndDeletedByEditors() {
        int id = editor().contentType("application/json")
                .body(Map.of("team", "kernels", "kind", "category", "value", "cs.LG"))
                .when().post("/api/subscriptions")
                .then().statusCode(201).header("Location", containsString("/api/subscriptions/"))
                .body("team", equalTo("kernels")).body("kind", equalTo("category")).body("value", equalTo("cs.LG"))
                .extract().path("id");
        given().when().get("/api/subscriptions/" + id).then().statusCode(200).body("value", equalTo("cs.LG"));

        given().contentType("application/json").body(Map.of("team", "x", "kind", "category", "value", "cs.AI"))
                .when().post("/api/subscriptions").then().statusCode(401);
        editor().contentType("application/json").body(Map.of("team", "x", "kind", "category", "value", "not a cat!"))
                .when().post("/api/subscriptions").then().statusCode(400)
                .body("detail", containsString("is not an arXiv category"));
        editor().contentType("application/json").body(Map.of("team", "", "kind", "query"))
                .when().post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json");

        editor().when().delete("/api/subscriptions/" + id).then().statusCode(204);
        given().when().get("/api/subscriptions/" + id).then().statusCode(404);
        editor().when().delete("/api/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void pollNowFetchesAllCategoriesInOneRssRequestAndEachQueryAndRecordsTheHarvestState() {
        FakeArxiv.script("/rss/cs.CL+cs.LG", FakeArxiv.Reply.ok("application/rss+xml",
                FakeArxiv.resource("/rss/cs-cl-cs-lg-poll.xml")));
        FakeArxiv.script("/api/query", FakeArxiv.Reply.ok("application/atom+xml",
                FakeArxiv.resource("/atom/query-page-1.xml")));
        for (Map<String, String> s : List.of(
                Map.of("team", "nlp", "kind", "category", "value", "cs.CL"),
                Map.of("team", "kernels", "kind", "category", "value", "cs.LG"),
                Map.of("team", "kernels", "kind", "query", "value", "ti:\"flash attention\""))) {
            editor().contentType("application/json").body(s).when().post("/api/subscriptions")
                    .then().statusCode(201);
        }

        JsonPath outcomes = editor().when().post("/api/subscriptions/poll").then().statusCode(200)
                .extract().jsonPath();

        assertThat(outcomes.getList("value", String.class)).containsExactly("cs.CL+cs.LG", "ti:\"flash attention\"");
        assertThat(outcomes.getInt("[0].accepted") + outcomes.getInt("[0].duplicates")).isEqualTo(1);
        assertThat(outcomes.getInt("[1].accepted") + outcomes.getInt("[1].duplicates")).isEqualTo(2);
        assertThat(outcomes.getList("error")).containsOnlyNulls();
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path)
                .containsExactly("/rss/cs.CL+cs.LG", "/api/query");
        given().when().get("/api/subscriptions").then().statusCode(200)
                .body("lastPolledAt", hasItem(notNullValue()))
                .body("find { it.kind == 'query' }.lastAccepted", notNullValue());
    }

    @Test
    void aFreshInstallFollowsTheDefaultTeamsCategoriesAndQueryOnceAndIsNotGivenThemAgainAfterTheyAreRemoved() {
        assertThat(subscriptions.applyDefaultsOnce("fresh", List.of("cs.LG", "cs.CL", "cs.AI"),
                List.of("abs:\"flash attention\""))).isTrue();
        JsonPath followed = given().when().get("/api/subscriptions").then().statusCode(200).extract().jsonPath();
        assertThat(followed.getList("value", String.class))
                .containsExactlyInAnyOrder("cs.LG", "cs.CL", "cs.AI", "abs:\"flash attention\"");
        assertThat(followed.getList("team", String.class)).containsOnly("fresh");

        FakeArxiv.script("/rss/cs.AI+cs.CL+cs.LG", FakeArxiv.Reply.ok("application/rss+xml",
                FakeArxiv.resource("/rss/cs-cl-cs-lg-poll.xml")));
        FakeArxiv.script("/api/query", FakeArxiv.Reply.ok("application/atom+xml",
                FakeArxiv.resource("/atom/query-empty.xml")));
        JsonPath outcomes = editor().when().post("/api/subscriptions/poll").then().statusCode(200)
                .extract().jsonPath();
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path)
                .containsExactly("/rss/cs.AI+cs.CL+cs.LG", "/api/query");
        assertThat(outcomes.getList("[0].ids", String.class)).hasSize(outcomes.getInt("[0].accepted"));

        clean();
        assertThat(subscriptions.applyDefaultsOnce("fresh", List.of("cs.LG"), List.of())).isFalse();
        given().when().get("/api/subscriptions").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aFailingSourceIsRecordedOnItsSubscriptionAndDoesNotStopTheOthers() {
        FakeArxiv.script("/rss/cs.AI", FakeArxiv.Reply.status(404, Map.of()));
        FakeArxiv.script("/api/query", FakeArxiv.Reply.ok("application/atom+xml",
                FakeArxiv.resource("/atom/query-empty.xml")));
        editor().contentType("application/json").body(Map.of("team", "t", "kind", "category", "value", "cs.AI"))
                .when().post("/api/subscriptions").then().statusCode(201);
        editor().contentType("application/json").body(Map.of("team", "t", "kind", "query", "value", "ti:nothing"))
                .when().post("/api/subscriptions").then().statusCode(201);

        editor().when().post("/api/subscriptions/poll").then().statusCode(200)
                .body("[0].error", containsString("RSS answered 404"))
                .body("[1].error", equalTo(null)).body("[1].accepted", equalTo(0));
        given().when().get("/api/subscriptions").then()
                .body("find { it.kind == 'category' }.lastError", containsString("404"));
    }
}
