package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.notes.teams.PriorityProfileApi;
import dev.paperstream.notes.teams.TeamProfileClient;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PriorityProfileServer.class)
class TeamPageTest {
    private static final Map<String, String> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();
    @ConfigProperty(name = "paperstream.priority.url")
    String priority;

    @Test
    void anEditorSavesTheProfileAndPriorityGetsItWithHerOwnToken() {
        Response saved = form("test-editor-token-long-enough", "/teams/prof-a").formParam("categories", "cs.LG, cs.CL")
                .formParam("terms", "flash attention: 2\n\nsurvey: -1.5\n").formParam("seedPapers", "2205.14135")
                .post("/teams/prof-a/profile");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/teams/prof-a#profile");

        JsonPath sent = JsonPath.from(RestAssured.get(priority + "/control/last-put").asString());
        assertThat(sent.getList("categories")).containsExactly("cs.LG", "cs.CL");
        assertThat(sent.getList("terms", Map.class)).containsExactly(Map.of("term", "flash attention", "weight", 2.0f),
                Map.of("term", "survey", "weight", -1.5f));
        assertThat(sent.getList("seedPapers")).containsExactly("2205.14135");
        assertThat(sent.getBoolean("matchAll")).isFalse();
        assertThat(RestAssured.get(priority + "/control/last-authorization").asString())
                .isEqualTo("Bearer test-editor-token-long-enough");

        given().get("/teams/prof-a").then().statusCode(200).body(allOf(
                containsString("value=\"cs.LG, cs.CL\""), containsString("flash attention: 2\nsurvey: -1.5"),
                containsString("value=\"2205.14135\""), not(containsString("id=\"no-profile\""))));
    }

    @Test
    void aTermWithoutAWeightIsExplainedAndNothingIsSent() {
        form("test-editor-token-long-enough", "/teams/prof-b").formParam("categories", "cs.LG").formParam("terms", "sparse: 1")
                .post("/teams/prof-b/profile").then().statusCode(303);
        form("test-editor-token-long-enough", "/teams/prof-b").formParam("categories", "cs.LG")
                .formParam("terms", "sparse: 1\nflash attention").post("/teams/prof-b/profile").then().statusCode(400)
                .body(allOf(containsString("term line 2 (&#39;flash attention&#39;) must read"),
                        containsString("flash attention</textarea>")));
        assertThat(JsonPath.from(RestAssured.get(priority + "/control/last-put").asString()).getList("terms"))
                .hasSize(1);
    }

    @Test
    void priorityRefusingTheProfileShowsItsReasonAndKeepsWhatWasTyped() {
        given().queryParam("status", 400).queryParam("detail", "unknown arXiv categories [cs.XX]")
                .post(priority + "/control/refuse-next").then().statusCode(204);
        form("test-editor-token-long-enough", "/teams/prof-c").formParam("categories", "cs.XX").formParam("terms", "moe: 3")
                .post("/teams/prof-c/profile").then().statusCode(400).body(allOf(
                        containsString("The priority service refused the profile: unknown arXiv categories [cs.XX]"),
                        containsString("value=\"cs.XX\""), containsString("moe: 3</textarea>")));
        given().get("/teams/prof-c").then().statusCode(200).body(containsString("id=\"no-profile\""));
    }

    @Test
    void aBusyPriorityIsAskedAgainAndTheProfileIsSaved() {
        given().queryParam("status", 503).queryParam("detail", "busy")
                .post(priority + "/control/refuse-next").then().statusCode(204);
        form("test-editor-token-long-enough", "/teams/prof-f").formParam("categories", "cs.DC").formParam("terms", "moe: 2")
                .post("/teams/prof-f/profile").then().statusCode(303);
        assertThat(JsonPath.from(RestAssured.get(priority + "/control/last-put").asString()).getList("categories"))
                .containsExactly("cs.DC");
        given().get("/teams/prof-f").then().statusCode(200).body(containsString("value=\"cs.DC\""));
    }

    @Test
    void aPriorityServiceThatIsDownIsReportedWithItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        PriorityProfileApi api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url)).build(PriorityProfileApi.class);
        TeamProfileClient client = new TeamProfileClient(url, api, new ObjectMapper());
        assertThatThrownBy(() -> client.find("ml-systems", null)).isInstanceOf(TeamProfileClient.Unavailable.class)
                .hasMessageContaining("the priority service at " + url + " cannot be reached");
    }

    @Test
    void viewersCannotChangeTheProfileAndAnonymousVisitorsAreSentToSignIn() {
        form("test-viewer-token-long-enough", "/teams/prof-d").formParam("categories", "cs.LG").post("/teams/prof-d/profile")
                .then().statusCode(403);
        String csrf = csrf(null, "/teams/prof-d");
        Response anonymous = given().redirects().follow(false).cookie("csrf-token", csrf)
                .formParam("csrf-token", csrf).formParam("categories", "cs.LG")
                .post("/teams/prof-d/profile");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).endsWith("/sign-in");
    }

    @Test
    void anAdminAddsAndRemovesChannelsAndABadOneIsExplained() {
        form("test-admin-token-long-enough", "/teams/chan-a").formParam("kind", "webhook")
                .formParam("target", "ftp://hooks.example.org/paperstream")
                .post("/teams/chan-a/channels").then().statusCode(400)
                .body(containsString("webhook target must be an http(s) URL"));
        String added = form("test-admin-token-long-enough", "/teams/chan-a").formParam("kind", "webhook")
                .formParam("target", " https://hooks.example.org/paperstream ")
                .post("/teams/chan-a/channels").then().statusCode(200).extract().asString();
        java.util.regex.Matcher shownSecret = java.util.regex.Pattern.compile("<code>(whsec_[A-Za-z0-9+/=]{44})</code>")
                .matcher(added);
        assertThat(shownSecret.find()).as("the new channel's secret, shown once").isTrue();
        String secret = shownSecret.group(1);
        form("test-admin-token-long-enough", "/teams/chan-a").formParam("kind", "email").formParam("target", "team@example.org")
                .post("/teams/chan-a/channels").then().statusCode(303);
        assertThat(channels("chan-a")).containsExactly("email team@example.org false",
                "webhook https://hooks.example.org/… true");

        String page = given().cookie("paperstream_session", SESSIONS.computeIfAbsent("test-admin-token-long-enough",
                SignIn::session)).get("/teams/chan-a").asString();
        java.util.regex.Matcher emailRow = java.util.regex.Pattern
                .compile("email: team@example.org[^<]*<form[^>]*>\\s*<input[^>]*>\\s*<input type=\"hidden\" name=\"key\" value=\"([0-9a-f]+)\"")
                .matcher(page);
        assertThat(emailRow.find()).as("the e-mail channel's remove form").isTrue();
        form("test-admin-token-long-enough", "/teams/chan-a").formParam("key", emailRow.group(1))
                .post("/teams/chan-a/channels/remove").then().statusCode(303);
        assertThat(channels("chan-a")).containsExactly("webhook https://hooks.example.org/… true");
        given().cookie("paperstream_session", SignIn.session("test-admin-token-long-enough")).get("/teams/chan-a")
                .then().body(allOf(containsString("webhook: https://hooks.example.org/…"),
                        not(containsString("hooks.example.org/paperstream")),
                        not(containsString(secret)), not(containsString("whsec_"))));
    }

    @Test
    void editorsCannotChangeChannels() {
        form("test-editor-token-long-enough", "/teams/chan-b").formParam("kind", "email").formParam("target", "x@example.org")
                .post("/teams/chan-b/channels").then().statusCode(403);
        assertThat(channels("chan-b")).isEmpty();
    }

    private static List<String> channels(String team) {
        JsonPath json = given().auth().oauth2("test-admin-token-long-enough").get("/api/teams/" + team + "/channels").jsonPath();
        return json.getList("$", Map.class).stream()
                .map(c -> c.get("kind") + " " + c.get("target") + " " + c.get("signed")).toList();
    }

    /** A form post as the signed-in holder of {@code token}, with the CSRF token the page handed out. */
    private static RequestSpecification form(String token, String page) {
        String csrf = csrf(token, page);
        return given().redirects().follow(false).cookie("paperstream_session", SESSIONS.computeIfAbsent(token,
                SignIn::session)).cookie("csrf-token", csrf)
                .formParam("csrf-token", csrf);
    }

    private static String csrf(String token, String page) {
        RequestSpecification get = given();
        if (token != null) {
            get = get.cookie("paperstream_session", SESSIONS.computeIfAbsent(token, SignIn::session));
        }
        return get.get(page).getCookie("csrf-token");
    }
}
