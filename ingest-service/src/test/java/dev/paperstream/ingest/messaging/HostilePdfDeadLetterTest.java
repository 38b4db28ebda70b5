package dev.paperstream.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.Priority;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.pdf.HostilePdfs;
import dev.paperstream.ingest.pdf.TestPdfs;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** paper.scored for a PDF over a limit: dead-lettered once with the limit, never retried, and the next paper parses. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class HostilePdfDeadLetterTest {
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void clean() throws SQLException {
        FakeArxiv.reset();
        FakeArxiv.forgetBlocksAndBackOffs(dataSource);
    }

    @Test
    void aDecompressionBombFromArxivIsDeadLetteredOnceAndTheNextPaperStillParses() throws Exception {
        FakeArxiv.script("/pdf/2511.00460v1", FakeArxiv.Reply.ok("application/pdf", HostilePdfs.decompressionBomb(200)));
        FakeArxiv.script("/pdf/2511.00461v1", FakeArxiv.Reply.ok("application/pdf", TestPdfs.paper()));
        try (KafkaConsumer<String, String> deadLetters = TestTopics.consumer("dlq.ingest.paper.scored")) {
            ScoredPaperConsumerTest.publishScored("2511.00460", 1, Priority.HIGH);
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                dead.addAll(TestTopics.poll(deadLetters));
                return dead.stream().anyMatch(r -> r.key().equals("2511.00460"));
            });
            ScoredPaperConsumerTest.publishScored("2511.00461", 1, Priority.HIGH);

            assertThat(EventJson.read(ParsedTopic.awaitRecord("2511.00461").value(), PaperParsed.class)
                    .sections()).extracting(PaperParsed.Section::heading).contains("1 Introduction");
            // the worker polls every second: a retry would have downloaded and dead-lettered the bomb again by now
            for (int i = 0; i < 4; i++) {
                dead.addAll(TestTopics.poll(deadLetters));
            }
            List<ConsumerRecord<String, String>> bomb = dead.stream().filter(r -> r.key().equals("2511.00460")).toList();
            assertThat(bomb).hasSize(1);
            assertThat(TestTopics.header(bomb.get(0), "dead-letter-reason"))
                    .contains("paperstream.fulltext.max-decompressed-size").contains(String.valueOf(100L * 1024 * 1024));
            assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path)
                    .containsOnlyOnce("/pdf/2511.00460v1");
            assertThat(parked("2511.00460")).isZero();
        }
    }

    long parked(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var ps = c.prepareStatement("SELECT count(*) FROM pdf_fetch WHERE arxiv_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
