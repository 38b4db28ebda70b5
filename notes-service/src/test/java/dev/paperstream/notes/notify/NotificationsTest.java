package dev.paperstream.notes.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.events.Topics;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NotificationsTest {
    private static final String ADMIN = "Bearer test-admin-token-long-enough";
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static JsonPath channels(String team, List<Map<String, String>> channels) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(channels)
                .put("/api/teams/" + team + "/channels").then().statusCode(200).extract().jsonPath();
    }

    private static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : GreenMailResource.smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void aHighPaperIsAnnouncedOncePerChannelWithBlocksSignatureAndMail() throws Exception {
        String id = "2606.50001";
        JsonPath added = channels("notify-team", List.of(
                Map.of("kind", "slack", "target", receiver.url("/slack")),
                Map.of("kind", "webhook", "target", receiver.url("/hook")),
                Map.of("kind", "email", "target", "team@example.org")));
        String scoreEvent;
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Fused attention for everyone",
                    "We fuse attention kernels and are 3x faster.", Instant.parse("2026-06-01T00:00:00Z")));
            scoreEvent = feed.publish(id, EventFeed.score(id, 1, "notify-team", 9, PaperType.OPTIMIZATION));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/slack").size() == 1
                && receiver.at("/hook").size() == 1 && mailTo("team@example.org").size() == 1);

        JsonPath slack = JsonPath.from(receiver.at("/slack").get(0).body());
        assertThat(slack.getString("blocks[0].type")).isEqualTo("header");
        assertThat(slack.getString("blocks[0].text.text")).isEqualTo("Fused attention for everyone");
        assertThat(slack.getString("blocks[1].text.text")).contains("*HIGH*", "notify-team", "relevance 3/5: +3");
        assertThat(slack.getString("blocks[2].text.text")).contains("http://paperstream.test/papers/" + id);

        WebhookReceiver.Received hook = receiver.at("/hook").get(0);
        assertThat(StandardWebhooks.verifies(added.getString("find { it.kind == 'webhook' }.secret"), hook)).isTrue();
        assertThat(hook.header("X-Paperstream-Signature")).as("only secrets chosen before V53 sign the old way")
                .isNull();
        assertThat(JsonPath.from(hook.body()).getString("paperId")).isEqualTo(id);
        assertThat(JsonPath.from(hook.body()).getString("priority")).isEqualTo("HIGH");

        MimeMessage mail = mailTo("team@example.org").get(0);
        assertThat(mail.getSubject()).isEqualTo("HIGH for notify-team: Fused attention for everyone");
        assertThat(mail.getContent().toString()).contains("type OPTIMIZATION: +2", "http://paperstream.test/papers/" + id);

        try (EventFeed feed = new EventFeed()) {
            feed.publish(scoreEvent, id, EventFeed.score(id, 1, "notify-team", 9, PaperType.OPTIMIZATION));
            feed.publish(id, EventFeed.score(id, 1, "notify-team", 9, PaperType.OPTIMIZATION));
            feed.publish("2606.50002", EventFeed.score("2606.50002", 1, "marker-team", 1, PaperType.EMPIRICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/papers/2606.50002/queue").jsonPath().getList("team").contains("marker-team"));
        Thread.sleep(500);
        assertThat(receiver.at("/slack")).hasSize(1);
        assertThat(receiver.at("/hook")).hasSize(1);
        assertThat(mailTo("team@example.org")).hasSize(1);
        given().header("Authorization", "Bearer test-editor-token-long-enough").queryParam("team", "notify-team")
                .get("/api/notifications").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")))
                .body("size()", equalTo(3));
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffAndTheAttemptsAreVisible() {
        String id = "2606.50003";
        receiver.failFirst("/flaky", 2);
        channels("flaky-team", List.of(Map.of("kind", "webhook", "target", receiver.url("/flaky"))));
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Flaky", "Text.", Instant.parse("2026-06-01T00:00:00Z")));
            feed.publish(id, EventFeed.score(id, 1, "flaky-team", 8, PaperType.EMPIRICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/flaky").size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("Authorization", "Bearer test-editor-token-long-enough").queryParam("paperId", id)
                        .get("/api/notifications").then()
                        .body("[0].status", equalTo("DELIVERED")).body("[0].attempts", equalTo(3)));
        given().get("/papers/" + id).then().statusCode(200).body(containsString("DELIVERED</strong> after 3 attempt(s)"),
                org.hamcrest.Matchers.not(containsString("/flaky")));
        given().queryParam("paperId", id).get("/api/notifications").then().statusCode(401);
    }

    @Test
    void aFailingWebhookNeverShowsItsUrlOrTheReceiversAnswer() {
        String id = "2606.50007";
        String secretPath = "/services/T000/B000/url-s3cr3t-XYZ";
        receiver.refuse(secretPath, 404, "no_such_hook; echo: body-s3cr3t-QRS");
        CapturedLog log = CapturedLog.start();
        try {
            channels("secret-team", List.of(Map.of("kind", "slack", "target", receiver.url(secretPath))));
            try (EventFeed feed = new EventFeed()) {
                feed.publish(id, EventFeed.paper(id, 1, "Secret hook", "Text.", Instant.parse("2026-06-01T00:00:00Z")));
                feed.publish(id, EventFeed.score(id, 1, "secret-team", 8, PaperType.EMPIRICAL));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", "Bearer test-editor-token-long-enough").queryParam("paperId", id)
                            .get("/api/notifications").then().body("[0].attempts", org.hamcrest.Matchers.greaterThan(1)));
        } finally {
            log.stop();
        }
        String deliveries = given().header("Authorization", "Bearer test-editor-token-long-enough")
                .queryParam("paperId", id).get("/api/notifications").asString();
        assertThat(JsonPath.from(deliveries).getString("[0].lastError")).isEqualTo("HTTP 404 from 127.0.0.1");
        assertThat(JsonPath.from(deliveries).getString("[0].target")).isEqualTo(receiver.url("/services/…"));
        String channels = given().header("Authorization", "Bearer test-editor-token-long-enough")
                .get("/api/teams/secret-team/channels").asString();
        assertThat(JsonPath.from(channels).getString("[0].target")).isEqualTo(receiver.url("/services/…"));
        List<String> shown = List.of(deliveries, channels, given().get("/papers/" + id).asString(),
                given().get("/teams/secret-team").asString(),
                given().cookie("paperstream_session", dev.paperstream.notes.web.SignIn.session(
                        "test-admin-token-long-enough")).get("/teams/secret-team").asString(),
                log.text());
        assertThat(log.text()).contains("HTTP 404 from 127.0.0.1");
        for (String text : shown) {
            assertThat(text).doesNotContain("url-s3cr3t", "body-s3cr3t", "B000");
        }
    }

    @Test
    void aTitleCannotPingOrLinkInSlack() {
        String id = "2606.50008";
        channels("mrkdwn-team", List.of(Map.of("kind", "slack", "target", receiver.url("/mrkdwn"))));
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "<!channel> look <@U123> at <http://evil.example|this> & that",
                    "Text.", Instant.parse("2026-06-01T00:00:00Z")));
            feed.publish(id, EventFeed.score(id, 1, "mrkdwn-team", 8, PaperType.EMPIRICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/mrkdwn").size() == 1);
        JsonPath slack = JsonPath.from(receiver.at("/mrkdwn").get(0).body());
        String escaped = "&lt;!channel&gt; look &lt;@U123&gt; at &lt;http://evil.example|this&gt; &amp; that";
        assertThat(slack.getString("blocks[0].text.text")).isEqualTo(escaped);
        assertThat(slack.getString("text")).contains(escaped);
        assertThat(receiver.at("/mrkdwn").get(0).body()).doesNotContain("<!channel>", "<@U123>", "<http://evil");
    }

    @Test
    void mediumPapersGoIntoTheDailyDigest() throws Exception {
        channels("digest-team", List.of(Map.of("kind", "email", "target", "digest@example.org")));
        try (EventFeed feed = new EventFeed()) {
            for (String id : List.of("2606.50004", "2606.50005")) {
                feed.publish(id, EventFeed.paper(id, 1, "Medium " + id, "Text.", Instant.parse("2026-06-01T00:00:00Z")));
                feed.publish(id, EventFeed.score(id, 1, "digest-team", 5, PaperType.EMPIRICAL));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", "digest-team").get("/api/papers").jsonPath().getInt("total") == 2);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).post("/api/teams/digest-team/digest").then().statusCode(200)
                .body("papers", equalTo(2)).body("sent", equalTo(1)).body("failed", equalTo(0));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).post("/api/teams/digest-team/digest").then().body("papers", equalTo(0));
        List<MimeMessage> mails = mailTo("digest@example.org");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getContent().toString()).contains("Medium 2606.50004", "Medium 2606.50005");
        assertThat(receiver.received).noneMatch(r -> r.body().contains("2606.50004"));
    }

    @Test
    void aNearDuplicateOfAPaperTheTeamWasToldOfIsNotListedInTheDigestAgain() throws Exception {
        String team = "digest-dup-team";
        channels(team, List.of(Map.of("kind", "email", "target", "digest-dup@example.org")));
        try (EventFeed feed = new EventFeed()) {
            publishMedium(feed, team, "2606.50011", null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", team).get("/api/papers").jsonPath().getInt("total") == 1);
        sendDigest(team).statusCode(200).body("papers", equalTo(1));

        // later: a copy of the paper already sent, a plain paper with its copy in the same digest, and a copy of
        // a paper the team never heard of
        try (EventFeed feed = new EventFeed()) {
            publishMedium(feed, team, "2606.50012", "2606.50011");
            publishMedium(feed, team, "2606.50013", null);
            publishMedium(feed, team, "2606.50014", "2606.50013");
            publishMedium(feed, team, "2606.50015", "2401.00001");
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", team).get("/api/papers").jsonPath().getInt("total") == 5);
        sendDigest(team).statusCode(200).body("papers", equalTo(2)).body("sent", equalTo(1));
        sendDigest(team).body("papers", equalTo(0));

        List<MimeMessage> mails = mailTo("digest-dup@example.org");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).getContent().toString()).contains("Medium 2606.50011");
        assertThat(mails.get(1).getContent().toString()).contains("Medium 2606.50013", "Medium 2606.50015")
                .doesNotContain("2606.50011", "2606.50012", "2606.50014");
    }

    private static ValidatableResponse sendDigest(String team) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .post("/api/teams/" + team + "/digest").then();
    }

    private static void publishMedium(EventFeed feed, String team, String id, String duplicateOf) {
        feed.publish(id, EventFeed.paper(id, 1, "Medium " + id, "Text.", Instant.parse("2026-06-01T00:00:00Z")));
        List<String> reasons = duplicateOf == null ? List.of("relevance 3/5: +3")
                : List.of("relevance 3/5: +3", "duplicate: same work as arXiv:" + duplicateOf + " (cosine 0.97)");
        feed.publish(id, new PaperScored(id, 1, team, 5, Priority.MEDIUM, PaperType.EMPIRICAL, 3, false, null, 4.0,
                reasons, Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void theAtomFeedIsValidAtomWithTheTeamsHighPapers() throws Exception {
        String id = "2606.50006";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Atom & <friends>", "Text.", Instant.parse("2026-06-01T00:00:00Z")));
            feed.publish(id, EventFeed.score(id, 1, "feed-team", 9, PaperType.ARCHITECTURE));
            feed.publish("2606.50007", EventFeed.paper("2606.50007", 1, "Low", "Text.", Instant.parse("2026-06-01T00:00:00Z")));
            feed.publish("2606.50007", EventFeed.score("2606.50007", 1, "feed-team", 2, PaperType.EMPIRICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", "feed-team").get("/api/papers").jsonPath().getInt("total") == 2);
        String xml = given().get("/feeds/feed-team.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength()).isPositive();
        }
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(1);
        Element entry = (Element) root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
                .isEqualTo("Atom & <friends>");
        assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent())
                .isEqualTo("https://arxiv.org/abs/" + id + "v1");
        assertThat(Instant.parse(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").item(0)
                .getTextContent())).isNotNull();
    }
}
