package dev.paperstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.pdf.TestPdfs;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ScoredPaperConsumerTest {

    static void publishScored(String id, int version, Priority priority) {
        TestTopics.send(id, new PaperScored(id, version, "kernels", 8, priority, PaperType.OPTIMIZATION, 5, true,
                null, 1.0, List.of("test"), Instant.now()));
    }

    @Test
    void aHighPaperIsDownloadedFromArxivAndParsedWhileALowOneIsNot() throws Exception {
        FakeArxiv.script("/pdf/2511.00440v2", FakeArxiv.Reply.ok("application/pdf", TestPdfs.paper()));
        publishScored("2511.00440", 1, Priority.LOW);
        publishScored("2511.00440", 2, Priority.HIGH);

        PaperParsed parsed = EventJson.read(FullTextResourceTest.awaitParsed("2511.00440").value(), PaperParsed.class);

        assertThat(parsed.version()).isEqualTo(2);
        assertThat(parsed.parser()).startsWith("embedded pdfbox");
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).contains("/pdf/2511.00440v2")
                .doesNotContain("/pdf/2511.00440v1");
    }

    @Test
    void anHtmlPageInsteadOfAPdfGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        FakeArxiv.script("/pdf/2511.00442v1", FakeArxiv.Reply.ok("text/html",
                "<!DOCTYPE html><html><body>Too many requests</body></html>".getBytes(StandardCharsets.UTF_8)));
        publishScored("2511.00442", 1, Priority.MEDIUM);

        assertThat(TestTopics.deadLetterReason("dlq.ingest.paper.scored", "2511.00442", Duration.ofSeconds(60)))
                .contains("an HTML page");
    }
}
