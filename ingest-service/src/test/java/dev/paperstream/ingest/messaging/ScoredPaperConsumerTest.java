package dev.paperstream.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.pdf.TestPdfs;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ScoredPaperConsumerTest {
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void clean() throws SQLException {
        FakeArxiv.reset();
        FakeArxiv.forgetBlocksAndBackOffs(dataSource);
    }

    static void publishScored(String id, int version, Priority priority) {
        TestTopics.send(id, new PaperScored(id, version, "kernels", 8, priority, PaperType.OPTIMIZATION, 5, true,
                null, 1.0, List.of("test"), Instant.now()));
    }

    @Test
    void aHighPaperIsDownloadedFromArxivAndParsedWhileALowOneIsNot() throws Exception {
        FakeArxiv.script("/pdf/2511.00440v2", FakeArxiv.Reply.ok("application/pdf", TestPdfs.paper()));
        publishScored("2511.00440", 1, Priority.LOW);
        publishScored("2511.00440", 2, Priority.HIGH);

        PaperParsed parsed = EventJson.read(ParsedTopic.awaitRecord("2511.00440").value(), PaperParsed.class);

        assertThat(parsed.version()).isEqualTo(2);
        assertThat(parsed.parser()).startsWith("embedded pdfbox");
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).contains("/pdf/2511.00440v2")
                .doesNotContain("/pdf/2511.00440v1");
    }

    @Test
    void aMalformedScoreIsDeadLetteredWithTheReasonAndTheNextScoreOfThePaperIsParsed() throws Exception {
        FakeArxiv.script("/pdf/2511.00481v1", FakeArxiv.Reply.ok("application/pdf", TestPdfs.paper()));
        TestTopics.send(EventType.PAPER_SCORED, "2511.00481",
                "{\"id\":\"2511.00481\",\"version\":1,\"priority\":\"URGENT\"}", UUID.randomUUID().toString());
        publishScored("2511.00481", 1, Priority.HIGH);

        assertThat(EventJson.read(ParsedTopic.awaitRecord("2511.00481").value(), PaperParsed.class).version())
                .isEqualTo(1);
        assertThat(TestTopics.deadLetterReason("dlq.ingest.paper.scored", "2511.00481", Duration.ofSeconds(30)))
                .startsWith("PaperScored: ");
    }

    @Test
    void anHtmlPageInsteadOfAPdfGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        FakeArxiv.script("/pdf/2511.00442v1", FakeArxiv.Reply.ok("text/html",
                "<!DOCTYPE html><html><body>Too many requests</body></html>".getBytes(StandardCharsets.UTF_8)));
        publishScored("2511.00442", 1, Priority.MEDIUM);

        assertThat(TestTopics.deadLetterReason("dlq.ingest.paper.scored", "2511.00442", Duration.ofSeconds(60)))
                .contains("an HTML page");
    }

    @Test
    void aHighPaperWhoseDownloadMeetsA403IsParkedNotDeadLetteredAndParsedOnceAnAdminClearsTheBlock()
            throws Exception {
        FakeArxiv.script("/pdf/2511.00450v1", FakeArxiv.Reply.status(403, Map.of()),
                FakeArxiv.Reply.ok("application/pdf", TestPdfs.paper()));
        FakeArxiv.script("/pdf/2511.00451v1", FakeArxiv.Reply.ok("application/pdf", TestPdfs.paper()));
        try (KafkaConsumer<String, String> deadLetters = TestTopics.consumer("dlq.ingest.paper.scored")) {
            publishScored("2511.00450", 1, Priority.HIGH);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/api/arxiv/block")
                    .statusCode() == 200);
            publishScored("2511.00451", 1, Priority.HIGH);
            await().atMost(Duration.ofSeconds(30)).until(() -> parked("2511.00450", "2511.00451") == 2);

            // the worker looks every second: while blocked, nothing more reaches arXiv and nothing is dead-lettered
            List<String> deadKeys = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TestTopics.poll(deadLetters).forEach(r -> deadKeys.add(r.key()));
            }
            assertThat(deadKeys).doesNotContain("2511.00450", "2511.00451");
            assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).containsExactly("/pdf/2511.00450v1");

            given().header("Authorization", "Bearer test-admin-token").when().delete("/api/arxiv/block")
                    .then().statusCode(204);

            assertThat(EventJson.read(ParsedTopic.awaitRecord("2511.00450").value(), PaperParsed.class)
                    .version()).isEqualTo(1);
            assertThat(EventJson.read(ParsedTopic.awaitRecord("2511.00451").value(), PaperParsed.class)
                    .version()).isEqualTo(1);
            assertThat(parked("2511.00450", "2511.00451")).isZero();
            TestTopics.poll(deadLetters).forEach(r -> deadKeys.add(r.key()));
            assertThat(deadKeys).doesNotContain("2511.00450", "2511.00451");
        }
    }

    long parked(String... ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var ps = c.prepareStatement("SELECT count(*) FROM pdf_fetch WHERE arxiv_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
