package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class WebPagesTest {
    private static final String ID = "2607.40001";
    private static boolean fed;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        try (EventFeed feed = new EventFeed()) {
            feed.publish(ID, EventFeed.paper(ID, 1, "Escaping <script>alert(1)</script> & friends",
                    "We show that <b>bold</b> stays text.", Instant.parse("2026-07-01T00:00:00Z")));
            feed.publish(ID, EventFeed.score(ID, 1, "web-team", 8, PaperType.ARCHITECTURE));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", "web-team").get("/api/papers").jsonPath().getInt("total") == 1);
    }

    @Test
    void everyPageEscapesPaperTextAndThanksArxiv() {
        given().queryParam("team", "web-team").get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("Escaping &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"),
                        not(containsString("<script>alert(1)")),
                        containsString("Thank you to arXiv for use of its open access interoperability.")));
        given().get("/papers/" + ID).then().statusCode(200)
                .body(allOf(containsString("We show that &lt;b&gt;bold&lt;/b&gt; stays text."),
                        not(containsString("<b>bold</b>")), not(containsString("id=\"benchmark-chart\""))));
    }

    @Test
    void aNotesFormWithoutItsCsrfTokenIsRejected() {
        String session = SignIn.session("test-editor-token-long-enough");
        given().cookie("paperstream_session", session).formParam("pass1.problem", "forged")
                .redirects().follow(false).post("/papers/" + ID + "/notes/pass1").then().statusCode(400);
        Response page = given().cookie("paperstream_session", session).get("/papers/" + ID);
        String csrf = page.getCookie("csrf-token");
        given().cookie("paperstream_session", session).cookie("csrf-token", csrf)
                .formParam("csrf-token", csrf).formParam("pass1.problem", "Real problem")
                .redirects().follow(false).post("/papers/" + ID + "/notes/pass1").then().statusCode(303);
        given().get("/api/papers/" + ID + "/notes").then()
                .body("sections.pass1.problem.value", org.hamcrest.Matchers.equalTo("Real problem"))
                .body("sections.pass1.problem.updatedBy", org.hamcrest.Matchers.equalTo("editor-1"));
    }

    @Test
    void theTeamPageShowsChannelTargetsOnlyToEditors() {
        given().header("Authorization", "Bearer test-admin-token-long-enough").contentType("application/json")
                .body("[{\"kind\":\"email\",\"target\":\"web@example.org\"}]")
                .put("/api/teams/web-team/channels").then().statusCode(200);
        given().get("/teams/web-team").then().statusCode(200)
                .body(allOf(containsString("Team web-team"), containsString("/feeds/web-team.atom"),
                        containsString("email: (sign in as editor to see)"), not(containsString("web@example.org"))));
        given().cookie("paperstream_session", SignIn.session("test-editor-token-long-enough")).get("/teams/web-team")
                .then().body(containsString("email: web@example.org"));
        given().get("/teams/bad name").then().statusCode(400);
    }

    @Test
    void anAnonymousFormPostIsSentToSignIn() {
        Response page = given().get("/papers/" + ID);
        String csrf = page.getCookie("csrf-token");
        given().cookie("csrf-token", csrf).formParam("csrf-token", csrf).formParam("pass1.problem", "x")
                .redirects().follow(false).post("/papers/" + ID + "/notes/pass1").then().statusCode(303)
                .header("Location", containsString("/sign-in"));
    }
}
