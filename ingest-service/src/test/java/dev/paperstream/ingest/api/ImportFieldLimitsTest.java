package dev.paperstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records with control characters or fields over the limits (paperstream.imports.limits), in every
 * format: stripped or rejected with the reason, never a 500, and the good records beside them accepted.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ImportFieldLimitsTest {
    static final String MEGABYTE_TITLE = "T".repeat(1 << 20);
    static final ObjectMapper JSON = new ObjectMapper();

    static String snapshotLine(String id, String title, int authors) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("title", title);
        line.put("abstract", "The abstract of " + id + ".");
        line.put("categories", "cs.LG");
        line.put("versions", List.of(Map.of("version", "v1", "created", "Mon, 8 Jan 2024 10:00:00 GMT")));
        List<List<String>> parsed = new ArrayList<>();
        for (int i = 0; i < authors; i++) {
            parsed.add(List.of("Author" + i, "A.", ""));
        }
        line.put("authors_parsed", parsed);
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSnapshotTitleWithNulIsStrippedAndAMegabyteTitleOrAHundredThousandAuthorsAreRejected() {
        String body = String.join("\n", snapshotLine("2402.00001", "A Good Record", 2),
                snapshotLine("2402.00002", "Null\u0000 in the\u0007 Title", 1),
                snapshotLine("2402.00003", MEGABYTE_TITLE, 1),
                snapshotLine("2402.00004", "Too Many Authors", 100_000),
                snapshotLine("2402.00005", "Another Good Record", 3)) + "\n";

        ImportResourceTest.editor().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(3))
                .body("ids", contains("2402.00001", "2402.00002", "2402.00005"))
                .body("rejected.item", contains("2402.00003v1", "2402.00004v1"))
                .body("rejected[0].reason", equalTo("the title has 1048576 characters, more than the limit of 1000"
                        + " (paperstream.imports.limits.title-length)"))
                .body("rejected[1].reason", equalTo("100000 authors, more than the limit of 5000"
                        + " (paperstream.imports.limits.authors)"));

        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            PaperDiscovered stripped = EventJson.read(topic.awaitKeys(List.of("2402.00002")).get(0).value(),
                    PaperDiscovered.class);
            assertThat(stripped.title()).isEqualTo("Null in the Title");
        }
    }

    @Test
    void aSnapshotLineOverTenMillionCharactersIsSkippedUnreadAndTheNextLineImported() {
        String body = "{\"id\":\"2402.00006\",\"comments\":\"" + "c".repeat(10_000_000) + "\"}\n"
                + snapshotLine("2402.00007", "After A Long Line", 1) + "\n";

        ImportResourceTest.editor().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports")
                .then().statusCode(200).body("ids", contains("2402.00007"))
                .body("rejected.item", contains("line 1"))
                .body("rejected[0].reason", equalTo("the line has 10000033 characters, more than the limit of 10000000"
                        + " (paperstream.imports.limits.snapshot-line-length)"));
    }

    @Test
    void anAtomEntryWithAnOversizedAbstractIsRejectedAndItsNeighbourAccepted() {
        String atom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
                  <id>https://arxiv.org/api/limits</id><title>arXiv Query</title><updated>2025-11-20T00:00:00Z</updated>
                %s%s</feed>
                """.formatted(atomEntry("2402.00011v1", "x".repeat(10_001)), atomEntry("2402.00012v2", "Short."));

        ImportResourceTest.editor().contentType("application/atom+xml").body(atom).when().post("/api/imports")
                .then().statusCode(200).body("ids", contains("2402.00012"))
                .body("rejected.item", contains("2402.00011v1"))
                .body("rejected[0].reason", containsString("limits.abstract-length"));
    }

    static String atomEntry(String versionedId, String summary) {
        return """
                  <entry>
                    <id>http://arxiv.org/abs/%s</id><title>Entry %s</title><summary>%s</summary>
                    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                    <published>2025-11-10T10:00:00Z</published><arxiv:primary_category term="cs.LG"/>
                    <author><name>Fixture Author</name></author>
                  </entry>
                """.formatted(versionedId, versionedId, summary);
    }

    @Test
    void anRssItemWithSixThousandAuthorsIsRejectedAndItsNeighbourAccepted() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            names.add("Author " + i);
        }
        String rss = """
                <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
                  <channel><title>cs.LG updates on arXiv.org</title>%s%s</channel>
                </rss>
                """.formatted(rssItem("2402.00021", String.join(", ", names)), rssItem("2402.00022", "Ada Lovelace"));

        ImportResourceTest.editor().contentType("application/rss+xml").body(rss).when().post("/api/imports")
                .then().statusCode(200).body("ids", contains("2402.00022"))
                .body("rejected.item", contains("2402.00021v1"))
                .body("rejected[0].reason", startsWith("6000 authors, more than the limit of 5000"));
    }

    static String rssItem(String id, String creators) {
        return """
                    <item>
                      <title>Item %s</title><link>https://arxiv.org/abs/%s</link>
                      <description>arXiv:%sv1 Announce Type: new
                Abstract: The abstract of %s.</description>
                      <guid isPermaLink="false">oai:arXiv.org:%sv1</guid><category>cs.LG</category>
                      <pubDate>Mon, 17 Nov 2025 00:00:00 -0500</pubDate><arxiv:announce_type>new</arxiv:announce_type>
                      <dc:creator>%s</dc:creator>
                    </item>
                """.formatted(id, id, id, id, id, creators);
    }

    @Test
    void anOaiRecordWithAMegabyteTitleIsRejectedAndItsNeighbourAccepted() {
        byte[] page = OaiPages.page(OaiPages.arxiv("2402.00031", "2024-01-03", null, MEGABYTE_TITLE),
                OaiPages.arxivRaw("2402.00032", "A Normal Title", "Wed, 3 Jan 2024 10:00:00 GMT"));

        ImportResourceTest.editor().contentType("application/xml").body(page).when().post("/api/imports")
                .then().statusCode(200).body("ids", contains("2402.00032"))
                .body("rejected.item", contains("2402.00031v1"))
                .body("rejected[0].reason", startsWith("the title has 1048576 characters"));
    }

    @Test
    void controlCharactersThatXml10ForbidsAreABadRequestSayingWhere() {
        String reference = new String(OaiPages.page(OaiPages.arxiv("2402.00041", "2024-01-03", null, "Nul &#0; here")),
                StandardCharsets.UTF_8);
        ImportResourceTest.editor().contentType("application/xml").body(reference).when().post("/api/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("not well-formed XML at line"));

        String raw = new String(OaiPages.page(OaiPages.arxiv("2402.00042", "2024-01-03", null, "Bell \u0007 here")),
                StandardCharsets.UTF_8);
        ImportResourceTest.editor().contentType("application/xml").body(raw).when().post("/api/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("not well-formed XML at line"));
    }

    @Test
    void aControlCharacterThatXml11AllowsIsStrippedFromTheRecord() {
        String xml11 = new String(OaiPages.page(OaiPages.arxiv("2402.00043", "2024-01-03", null, "Bell&#7; Title")),
                StandardCharsets.UTF_8).replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"");

        ImportResourceTest.editor().contentType("application/xml").body(xml11).when().post("/api/imports")
                .then().statusCode(200).body("ids", contains("2402.00043"));
        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            assertThat(EventJson.read(topic.awaitKeys(List.of("2402.00043")).get(0).value(), PaperDiscovered.class)
                    .title()).isEqualTo("Bell Title");
        }
    }
}
