package dev.paperstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OAI-PMH records in the {@code arXiv} format, which names no versions, numbered against what is stored. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ArxivFormatImportTest {
    static final String XML = "application/xml";

    static List<String> versionsOnTopic(String id, int count) {
        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            return topic.awaitCount(List.of(id), count).stream()
                    .map(r -> EventJson.read(r.value(), PaperDiscovered.class))
                    .map(p -> p.versionedId() + " " + p.links().pdf()).toList();
        }
    }

    @Test
    void aRealShapedArxivFormatPageIsAcceptedWholeAndAReimportIsAllDuplicates() {
        byte[] page = FakeArxiv.resource("/oai/arxiv-format-real-shape.xml");
        ImportResourceTest.editor().contentType(XML).body(page).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(3)).body("duplicates", equalTo(0))
                .body("ids", contains("2307.08691", "2205.14135", "hep-th/9912017"))
                .body("rejected.item", contains("oai:arXiv.org:2307.00001"))
                .body("rejected.reason", contains("deleted record"));

        assertThat(versionsOnTopic("2205.14135", 1))
                .containsExactly("2205.14135v2 https://arxiv.org/pdf/2205.14135v2");
        assertThat(versionsOnTopic("hep-th/9912017", 1))
                .containsExactly("hep-th/9912017v1 https://arxiv.org/pdf/hep-th/9912017v1");

        ImportResourceTest.editor().contentType(XML).body(page).when().post("/api/imports")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(3));
    }

    @Test
    void aLaterUpdateIsTheNextVersionAndAnEarlierOrEqualOneIsADuplicateNeverAStepBack() {
        String id = "2401.00011";
        post(OaiPages.arxiv(id, "2024-01-02", null, "First Version")).body("ids", contains(id));
        post(OaiPages.arxiv(id, "2024-01-02", "2024-02-05", "Second Version")).body("accepted", equalTo(1));
        post(OaiPages.arxiv(id, "2024-01-02", "2024-02-05", "Second Version Again")).body("duplicates", equalTo(1));
        post(OaiPages.arxiv(id, "2024-01-02", "2024-01-20", "An Older Update Seen Late"))
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        post(OaiPages.arxiv(id, "2024-01-02", null, "Version One Seen Late")).body("duplicates", equalTo(1));
        post(OaiPages.arxiv(id, "2024-01-02", "2024-03-01", "Third Version")).body("accepted", equalTo(1));

        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            List<PaperDiscovered> events = topic.awaitCount(List.of(id), 3).stream()
                    .map(r -> EventJson.read(r.value(), PaperDiscovered.class)).toList();
            assertThat(events).extracting(p -> p.version() + " " + p.title())
                    .containsExactly("1 First Version", "2 Second Version", "3 Third Version");
            assertThat(events.get(2).published()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
            assertThat(events.get(2).updated()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        }
    }

    @Test
    void aVersionNamedExactlyByArxivRawIsTheBaseForTheNextArxivFormatUpdate() {
        String id = "2401.00012";
        post(OaiPages.arxivRaw(id, "Four Versions", "Tue, 2 Jan 2024 10:00:00 GMT", "Mon, 8 Jan 2024 10:00:00 GMT",
                "Mon, 15 Jan 2024 10:00:00 GMT", "Mon, 22 Jan 2024 18:00:00 GMT")).body("accepted", equalTo(1));
        post(OaiPages.arxiv(id, "2024-01-02", "2024-01-22", "The Same Fourth Version")).body("duplicates", equalTo(1));
        post(OaiPages.arxiv(id, "2024-01-02", "2024-02-01", "A Fifth Version")).body("accepted", equalTo(1));

        assertThat(versionsOnTopic(id, 2)).containsExactly("2401.00012v4 https://arxiv.org/pdf/2401.00012v4",
                "2401.00012v5 https://arxiv.org/pdf/2401.00012v5");
    }

    @Test
    void theHarvesterAcceptsTheArxivFormatToo() {
        FakeArxiv.reset();
        FakeArxiv.script("/oai", FakeArxiv.Reply.ok("text/xml", OaiPages.page(
                OaiPages.arxiv("2401.00013", "2024-01-03", null, "Harvested Once"),
                OaiPages.arxiv("2401.00014", "2024-01-03", "2024-01-09", "Harvested Updated"))));

        ImportResourceTest.editor().when().post("/api/harvests/oai?set=cs&metadataPrefix=arXiv&maxPages=1")
                .then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(0));
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::query)
                .containsExactly("verb=ListRecords&metadataPrefix=arXiv&set=cs");
        assertThat(versionsOnTopic("2401.00014", 1)).containsExactly("2401.00014v2 https://arxiv.org/pdf/2401.00014v2");
    }

    private static io.restassured.response.ValidatableResponse post(String record) {
        return ImportResourceTest.editor().contentType(XML).body(OaiPages.page(record)).when().post("/api/imports")
                .then().statusCode(200).body("rejected", empty());
    }
}
