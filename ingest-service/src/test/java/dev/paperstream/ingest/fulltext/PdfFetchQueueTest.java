package dev.paperstream.ingest.fulltext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cap on parked PDF downloads, with arXiv blocked so that nothing drains meanwhile. */
@QuarkusTest
@TestProfile(PdfFetchQueueTest.TwoParked.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class PdfFetchQueueTest {
    public static class TwoParked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.fulltext.parked-max", "2");
        }
    }

    static final String DLQ = "dlq.ingest.paper.scored";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void clean() throws SQLException {
        sql("DELETE FROM pdf_fetch");
        FakeArxiv.forgetBlocksAndBackOffs(dataSource);
    }

    void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute(statement);
        }
    }

    List<String> parked() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT arxiv_id FROM pdf_fetch ORDER BY arxiv_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    static void score(String id, Priority priority) {
        TestTopics.send(id, new PaperScored(id, 1, "kernels", 8, priority, PaperType.OPTIMIZATION, 5, true, null, 1.0,
                List.of("test"), Instant.now()));
    }

    @Test
    void aFullQueueDisplacesTheOldestLowerPriorityPaperAndRefusesOnlyWhenNoneIsLower() throws Exception {
        FakeArxiv.reset();
        sql("UPDATE arxiv_limiter SET blocked_at = now(), blocked_reason = '403 from the test'");
        score("2511.00470", Priority.MEDIUM);
        score("2511.00471", Priority.MEDIUM);
        await().atMost(Duration.ofSeconds(30)).until(() -> parked().size() == 2);

        score("2511.00472", Priority.HIGH);
        assertThat(TestTopics.deadLetterReason(DLQ, "2511.00470", Duration.ofSeconds(30)))
                .contains("displaced from the full PDF download queue").contains("parked-max=2")
                .contains("HIGH paper 2511.00472v1");
        score("2511.00473", Priority.HIGH);
        assertThat(TestTopics.deadLetterReason(DLQ, "2511.00471", Duration.ofSeconds(30))).contains("displaced");

        score("2511.00474", Priority.HIGH);
        assertThat(TestTopics.deadLetterReason(DLQ, "2511.00474", Duration.ofSeconds(30)))
                .contains("the PDF download queue is full").contains("priority HIGH or higher");
        score("2511.00475", Priority.MEDIUM);
        assertThat(TestTopics.deadLetterReason(DLQ, "2511.00475", Duration.ofSeconds(30)))
                .contains("the PDF download queue is full");

        assertThat(parked()).containsExactly("2511.00472", "2511.00473");
        assertThat(FakeArxiv.requests()).isEmpty();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("paperstream_fulltext_parked_overflow_total{priority=\"MEDIUM\"} 3.0")
                .contains("paperstream_fulltext_parked_overflow_total{priority=\"HIGH\"} 1.0")
                .contains("paperstream_fulltext_parked 2.0");
    }
}
