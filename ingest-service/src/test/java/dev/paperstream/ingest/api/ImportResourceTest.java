package dev.paperstream.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ImportResourceTest {
    static final String ATOM = "application/atom+xml";

    static byte[] fixture(String name) {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/atom/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSpecification editor() {
        return given().header("Authorization", "Bearer test-editor-token");
    }

    @Test
    void importingAnAtomPagePublishesOnePaperDiscoveredPerEntryKeyedByIdWithoutVersion() {
        editor().contentType(ATOM).body(fixture("three-new-papers.xml"))
                .when().post("/api/imports")
                .then().statusCode(200)
                .body("accepted", equalTo(3)).body("duplicates", equalTo(0)).body("rejected", empty())
                .body("ids", contains("2511.00001", "2511.00002", "hep-th/9901001"));

        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            List<ConsumerRecord<String, String>> records =
                    topic.awaitKeys(List.of("2511.00001", "2511.00002", "hep-th/9901001"));
            assertThat(records).hasSize(3);
            for (ConsumerRecord<String, String> r : records) {
                assertThat(new String(r.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8))
                        .isEqualTo("paperstream.paper.discovered.v1");
                assertThat(r.headers().lastHeader(CloudEventHeaders.ID)).isNotNull();
            }
            Map<String, PaperDiscovered> byKey = records.stream().collect(Collectors.toMap(
                    ConsumerRecord::key, r -> EventJson.read(r.value(), PaperDiscovered.class)));
            PaperDiscovered tiled = byKey.get("2511.00001");
            assertThat(tiled.version()).isEqualTo(1);
            assertThat(tiled.title()).isEqualTo("Tiled Attention with Online Softmax: Fast & Exact");
            assertThat(tiled.authors()).containsExactly("Ada Q. Lovelace", "Alan Turing");
            assertThat(tiled.categories()).containsExactly("cs.LG", "cs.AI");
            assertThat(tiled.source()).isEqualTo(PaperSource.API);
            assertThat(tiled.links().code()).contains("https://github.com/paperstream-fixtures/tiled-attention");
            assertThat(byKey.get("2511.00002").version()).isEqualTo(3);
            assertThat(byKey.get("2511.00002").doi()).isEqualTo("10.1234/fixture.2025.2");
            assertThat(byKey.get("hep-th/9901001").authors()).hasSize(3);
            assertThat(records.stream().filter(r -> r.key().equals("2511.00001")).findFirst().orElseThrow().value())
                    .contains("\"abstract\":\"We fuse the attention");
        }
    }

    @Test
    void reimportingAPageCountsDuplicatesAndPublishesNothingNew() {
        byte[] page = fixture("reimport-two-papers.xml");
        editor().contentType(ATOM).body(page).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0));
        editor().contentType(ATOM).body(page).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2))
                .body("ids", empty());
        // the outbox publishes in order, so once the sentinel is on the topic a republished duplicate would be too
        editor().contentType(ATOM).body(fixture("sentinel-paper.xml")).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(1));

        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            topic.awaitKeys(List.of("2511.00020", "2511.00021", "2511.00029"));
            Map<String, Long> perKey = topic.withKeys(List.of("2511.00020", "2511.00021")).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perKey).containsExactlyInAnyOrderEntriesOf(Map.of("2511.00020", 1L, "2511.00021", 1L));
        }
    }

    @Test
    void importingAPageWithBrokenEntriesAcceptsTheGoodOneAndListsTheOthers() {
        editor().contentType(ATOM).body(fixture("one-good-three-broken.xml"))
                .when().post("/api/imports")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("ids", contains("2511.00010"))
                .body("rejected", hasSize(3))
                .body("rejected.item", contains("http://arxiv.org/abs/not-an-arxiv-id",
                        "http://arxiv.org/abs/2511.00012v1", "http://arxiv.org/abs/2511.00013"))
                .body("rejected[1].reason", equalTo("missing title"))
                .body("rejected[2].reason", containsString("has no version"));
    }

    @Test
    void anAtomFeedSentAsApplicationXmlIsImportedToo() {
        editor().contentType("application/xml; charset=UTF-8").body(fixture("legacy-two-papers.xml"))
                .when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(2))
                .body("ids", contains("1601.00101", "cond-mat/0601001"));
    }

    @Test
    void anRssReplacementIsPublishedAsTheNextVersionOfTheKnownPaper() {
        editor().contentType("application/rss+xml").body(rss("cs-lg-day1.xml")).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(2)).body("ids", contains("2511.00201", "2511.00202"));
        editor().contentType("application/rss+xml").body(rss("cs-lg-day1.xml")).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        editor().contentType("application/rss+xml").body(rss("cs-lg-day2.xml")).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected.item", contains("item 3"));

        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            List<ConsumerRecord<String, String>> records = topic.awaitCount(List.of("2511.00201", "2511.00202"), 4);
            assertThat(records).hasSize(4);
            assertThat(records.stream().filter(r -> r.key().equals("2511.00201"))
                    .map(r -> EventJson.read(r.value(), PaperDiscovered.class))
                    .map(p -> p.version() + " " + p.authors().size() + " " + p.source()))
                    .containsExactly("1 2 RSS", "2 3 RSS");
        }
    }

    @Test
    void aSnapshotIsStreamedLineByLineAcceptingTheGoodRecords() throws IOException {
        byte[] lines;
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/snapshot/four-lines.jsonl")) {
            lines = in.readAllBytes();
        }
        editor().contentType("application/x-ndjson").body(lines).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(2))
                .body("ids", contains("2511.00501", "math/0309136"))
                .body("rejected.item", contains("line 3", "line 4"))
                .body("rejected[0].reason", equalTo("no versions"));

        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            assertThat(topic.awaitKeys(List.of("2511.00501", "math/0309136")))
                    .extracting(r -> EventJson.read(r.value(), PaperDiscovered.class).source())
                    .containsOnly(PaperSource.SNAPSHOT);
        }
    }

    static byte[] rss(String name) {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/rss/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBodyThatIsNotXmlIsABadRequestSayingWhere() {
        editor().contentType(ATOM).body("this is not xml").when().post("/api/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("not well-formed XML at line 1"));
    }

    @Test
    void aTruncatedPageIsABadRequestAndImportsNothing() {
        byte[] page = fixture("three-new-papers.xml");
        String truncated = new String(page, StandardCharsets.UTF_8).substring(0, page.length / 2)
                .replace("2511.0000", "2511.0090");
        editor().contentType(ATOM).body(truncated).when().post("/api/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not well-formed XML"));
    }

    @Test
    void anXxePayloadIsRefusedWithoutReadingTheFile() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2511.00091v1</id>
                <title>&xxe;</title></entry></feed>""";
        editor().contentType(ATOM).body(xxe).when().post("/api/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("DOCTYPE")).body(not(containsString("root:")));
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String prev = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol9;"
                + "</title></feed>";
        editor().contentType(ATOM).body(bomb).when().post("/api/imports")
                .then().statusCode(400).body("detail", containsString("DOCTYPE"));
    }

    @Test
    void theArxivErrorFeedIsABadRequestWithArxivsMessage() {
        editor().contentType(ATOM).body(fixture("error-feed.xml")).when().post("/api/imports")
                .then().statusCode(400).body("detail", containsString("incorrect id format for 1234.12345"));
    }

    @Test
    void xmlThatIsNotAFeedIsABadRequest() {
        editor().contentType("application/xml").body("<html><body/></html>").when().post("/api/imports")
                .then().statusCode(400).body("detail", containsString("root element is {}html"));
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        editor().contentType("text/plain").body("hello").when().post("/api/imports")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("text/plain is not importable"));
        editor().contentType("application/json").body("{}").when().post("/api/imports")
                .then().statusCode(415);
    }

    @Test
    void aBodyOverTheSizeLimitIsTooLarge() {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        editor().contentType(ATOM).body(big).when().post("/api/imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("paperstream.imports.max-body-size"));
    }

    @Test
    void importingNeedsAnEditorToken() {
        given().contentType(ATOM).body(fixture("sentinel-paper.xml")).when().post("/api/imports")
                .then().statusCode(401);
        given().header("Authorization", "Bearer test-viewer-token").contentType(ATOM)
                .body(fixture("sentinel-paper.xml")).when().post("/api/imports")
                .then().statusCode(403);
    }
}
