package dev.paperstream.notes.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.notes.store.QueueRepository;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queue items past their due date, reminded of by the overdue check (run here directly, twice where it matters). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class OverdueRemindersTest {
    private static final String ADMIN = "Bearer test-admin-token-long-enough";
    private static final Instant PUBLISHED = Instant.parse("2026-06-01T00:00:00Z");
    private static WebhookReceiver receiver;

    @Inject
    OverdueReminders overdue;
    @Inject
    QueueRepository queue;
    @Inject
    AgroalDataSource dataSource;

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

    /** Publishes the paper and its score, waits until both are stored, then dates the score's arrival back. */
    private void queuedDaysAgo(String id, String team, int score, int days) throws Exception {
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, "Paper " + id, "Text.", PUBLISHED));
            feed.publish(id, EventFeed.score(id, 1, team, score, PaperType.EMPIRICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM paper_score s JOIN paper p"
                + " ON p.id = s.paper_id WHERE s.paper_id = '" + id + "' AND s.team = '" + team + "'") == 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE paper_score SET received_at = now() - make_interval(days => ?) WHERE paper_id = ? AND team = ?")) {
            ps.setInt(1, days);
            ps.setString(2, id);
            ps.setString(3, team);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The reminders a path received (the same hook also gets the HIGH announcement). */
    private static List<JsonPath> remindersAt(String path) {
        return receiver.at(path).stream().map(r -> new JsonPath(r.body()))
                .filter(j -> "paper.overdue".equals(j.getString("event"))).toList();
    }

    private static String dueDay(int daysAgoQueued, int period) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(daysAgoQueued).plusDays(period).toString();
    }

    @Test
    void aHighItemQueuedEightDaysAgoIsRemindedOnceOnTheTeamsWebhookSigned() throws Exception {
        String id = "2613.00001";
        String secret = channels("late-team", List.of(Map.of("kind", "webhook", "target", receiver.url("/late"))))
                .getString("[0].secret");
        queuedDaysAgo(id, "late-team", 8, 8);

        overdue.check();
        overdue.check();

        List<JsonPath> reminders = remindersAt("/late");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).getString("paperId")).isEqualTo(id);
        assertThat(reminders.get(0).getString("text")).startsWith("Overdue: Paper " + id + " (HIGH, due "
                + dueDay(8, 7) + ", unclaimed)").contains("http://paperstream.test/papers/" + id);
        WebhookReceiver.Received sent = receiver.at("/late").stream()
                .filter(r -> r.body().contains("paper.overdue")).findFirst().orElseThrow();
        assertThat(StandardWebhooks.verifies(secret, sent)).isTrue();
    }

    @Test
    void aHighItemWhosePassTwoIsDoneIsNotRemindedButOneAtPassOneIs() throws Exception {
        channels("read-team", List.of(Map.of("kind", "webhook", "target", receiver.url("/read"))));
        queuedDaysAgo("2613.00002", "read-team", 8, 9);
        queuedDaysAgo("2613.00003", "read-team", 8, 9);
        queue.setStatus("2613.00002", "read-team", ReadingStatus.PASS2_DONE, "editor");
        queue.setStatus("2613.00003", "read-team", ReadingStatus.PASS1_DONE, "editor");

        overdue.check();

        assertThat(remindersAt("/read")).extracting(j -> j.getString("paperId")).containsExactly("2613.00003");
    }

    @Test
    void aMediumItemIsRemindedOnlyAfterThirtyDays() throws Exception {
        channels("slow-team", List.of(Map.of("kind", "webhook", "target", receiver.url("/slow"))));
        queuedDaysAgo("2613.00004", "slow-team", 5, 31);
        queuedDaysAgo("2613.00005", "slow-team", 5, 20);

        overdue.check();
        overdue.check();

        List<JsonPath> reminders = remindersAt("/slow");
        assertThat(reminders).extracting(j -> j.getString("paperId")).containsExactly("2613.00004");
        assertThat(reminders.get(0).getString("text"))
                .startsWith("Overdue: Paper 2613.00004 (MEDIUM, due " + dueDay(31, 30) + ", unclaimed)");
    }

    @Test
    void aClaimedItemNamesItsClaimerAndMailsAClaimerWhoIsAnAddress() throws Exception {
        channels("mail-team", List.of(Map.of("kind", "webhook", "target", receiver.url("/mail-hook")),
                Map.of("kind", "email", "target", "mail-team@example.org")));
        queuedDaysAgo("2613.00006", "mail-team", 8, 8);
        queuedDaysAgo("2613.00007", "mail-team", 8, 8);
        queue.claim("2613.00006", "mail-team", "reader@example.org");
        queue.claim("2613.00007", "mail-team", "editor");

        overdue.check();

        assertThat(remindersAt("/mail-hook")).extracting(j -> j.getString("text").lines().findFirst().orElseThrow())
                .containsExactlyInAnyOrder(
                        "Overdue: Paper 2613.00006 (HIGH, due " + dueDay(8, 7) + ", claimed by reader@example.org)"
                                + " for mail-team",
                        "Overdue: Paper 2613.00007 (HIGH, due " + dueDay(8, 7) + ", claimed by editor) for mail-team");
        assertThat(subjectsTo("reader@example.org")).containsExactly(
                "Overdue: Paper 2613.00006 (HIGH, due " + dueDay(8, 7) + ", claimed by reader@example.org)");
        assertThat(subjectsTo("mail-team@example.org")).filteredOn(s -> s.startsWith("Overdue:")).hasSize(2);
    }

    @Test
    void twoChecksRunningAtOnceRemindOnce() throws Exception {
        channels("race-team", List.of(Map.of("kind", "webhook", "target", receiver.url("/race"))));
        queuedDaysAgo("2613.00008", "race-team", 8, 10);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<OverdueReminders.Run>> runs = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return overdue.check();
                })).toList();
        start.countDown();
        List<OverdueReminders.Run> done = runs.stream().map(CompletableFuture::join).toList();

        assertThat(remindersAt("/race")).hasSize(1);
        assertThat(done.stream().mapToInt(OverdueReminders.Run::reminded).sum()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reminder_delivery WHERE paper_id = '2613.00008'")).isEqualTo(1);
    }

    private static List<String> subjectsTo(String address) throws Exception {
        return Arrays.stream(GreenMailResource.smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).map(OverdueRemindersTest::subject).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
