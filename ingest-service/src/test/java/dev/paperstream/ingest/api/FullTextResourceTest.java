package dev.paperstream.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.messaging.ParsedTopic;
import dev.paperstream.ingest.pdf.HostilePdfs;
import dev.paperstream.ingest.pdf.TestPdfs;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class FullTextResourceTest {

    @BeforeEach
    void noGrobidScripted() {
        // unscripted, the fake GROBID answers 404: PDFs fall back to the embedded parser
        FakeArxiv.reset();
    }

    @Test
    void aPdfGoesThroughGrobidWhenItAnswers() throws IOException {
        FakeArxiv.script("/grobid/api/processFulltextDocument", FakeArxiv.Reply.ok("application/xml", tei()));

        editor().contentType("application/pdf").body(TestPdfs.paper())
                .when().post("/api/papers/2511.00420v1/fulltext")
                .then().statusCode(200).body("parser", equalTo("grobid 0.8.0"))
                .body("sections.heading", hasItem("2 Method"));
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path)
                .containsExactly("/grobid/api/processFulltextDocument");
    }

    static RequestSpecification editor() {
        return given().header("Authorization", "Bearer test-editor-token");
    }

    static byte[] tei() throws IOException {
        try (InputStream in = FullTextResourceTest.class.getResourceAsStream("/tei/tiled-attention.tei.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void postingGrobidTeiStoresTheStructureAndPublishesPaperParsed() throws IOException {
        editor().contentType("application/tei+xml").body(tei())
                .when().post("/api/papers/2511.00401v2/fulltext")
                .then().statusCode(200).body("id", equalTo("2511.00401")).body("version", equalTo(2))
                .body("parser", equalTo("grobid 0.8.0")).body("referenceCount", equalTo(3))
                .body("sections.heading", hasItem("2 Method")).body("hasLimitations", equalTo(true));

        given().when().get("/api/papers/2511.00401/fulltext").then().statusCode(200)
                .body("version", equalTo(2)).body("algorithms.label", contains("Algorithm 1"))
                .body("codeLinks", contains("https://github.com/paperstream-fixtures/tiled-attention"));

        ConsumerRecord<String, String> record = ParsedTopic.awaitRecord("2511.00401");
        assertThat(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("paperstream.paper.parsed.v1");
        PaperParsed parsed = EventJson.read(record.value(), PaperParsed.class);
        assertThat(parsed.version()).isEqualTo(2);
        assertThat(parsed.tableCaptions()).containsExactly("Table 1 : Runtime in milliseconds.");
    }

    @Test
    void postingAPdfForTheLatestKnownVersionUsesTheEmbeddedParser() {
        editor().contentType("application/atom+xml")
                .body(ImportResourceTest.fixture("fulltext-paper.xml")).when().post("/api/imports")
                .then().statusCode(200);

        editor().contentType("application/pdf").body(TestPdfs.paper())
                .when().post("/api/papers/2511.00410/fulltext")
                .then().statusCode(200).body("version", equalTo(2)).body("parser", startsWith("embedded pdfbox"))
                .body("sections.heading", hasItem("1 Introduction")).body("referenceCount", equalTo(2));
        ParsedTopic.awaitRecord("2511.00410");
    }

    @Test
    void badFullTextsGetClearErrors() throws IOException {
        editor().contentType("application/pdf").body("<html><body>Rate limited</body></html>".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("an HTML page"));
        editor().contentType("application/pdf").body(TestPdfs.encrypted())
                .when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(422).body("detail", containsString("encrypted"));
        editor().contentType("application/tei+xml").body("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(400).body("detail", containsString("not well-formed"));
        editor().contentType("text/plain").body("hello").when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(415);
        editor().contentType("application/tei+xml").body(tei()).when().post("/api/papers/2511.99999/fulltext")
                .then().statusCode(404).body("detail", containsString("import it first"));
        editor().contentType("application/tei+xml").body(tei()).when().post("/api/papers/not-an-id/fulltext")
                .then().statusCode(400);
        given().when().get("/api/papers/hep-th/9901001v1/fulltext").then().statusCode(404);
        given().contentType("application/tei+xml").body(tei()).when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(401);
    }

    @Test
    void pdfsOverALimitAreRefusedWithTheLimitAndItsValueAndTheNextPdfParses() {
        editor().contentType("application/pdf").body(HostilePdfs.pages(10_000))
                .when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("10000 pages, more than the limit of 300 (paperstream.fulltext.max-pages)"));
        editor().contentType("application/pdf").body(HostilePdfs.decompressionBomb(200))
                .when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("decompress to more than the limit of 104857600 bytes "
                        + "(paperstream.fulltext.max-decompressed-size)"));

        editor().contentType("application/pdf").body(TestPdfs.paper())
                .when().post("/api/papers/2511.00402v1/fulltext")
                .then().statusCode(200).body("sections.heading", hasItem("1 Introduction"));
    }
}
