package dev.paperstream.ingest.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import dev.paperstream.ingest.feed.Rejection;
import dev.paperstream.ingest.feed.SafeXml;
import java.time.Instant;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class OaiPmhParserTest {

    static OaiPmhParser.Page parse(String name) {
        XMLStreamReader root = SafeXml.openAtRoot(OaiPmhParserTest.class.getResourceAsStream("/oai/" + name));
        assertThat(OaiPmhParser.isOaiPmh(root)).isTrue();
        return OaiPmhParser.parse(root);
    }

    @Test
    void arXivRawGivesTheLatestVersionAndTheResumptionToken() {
        OaiPmhParser.Page page = parse("arxivraw-page.xml");

        assertThat(page.resumptionToken()).isEqualTo("7154513|1001");
        assertThat(page.responseDate()).isEqualTo("2025-11-20T12:00:00Z");
        assertThat(page.page().totalResults()).isEqualTo(3);
        PaperDiscovered p = page.page().papers().get(0);
        assertThat(p.versionedId()).isEqualTo("2511.00601v2");
        assertThat(p.title()).isEqualTo("Harvested Paper on Sparse Attention");
        assertThat(p.authors()).containsExactly("Ada Lovelace", "Charles Babbage", "Alan Turing");
        assertThat(p.categories()).containsExactly("cs.LG", "cs.CL");
        assertThat(p.published()).isEqualTo(Instant.parse("2025-11-03T10:00:00Z"));
        assertThat(p.updated()).isEqualTo(Instant.parse("2025-11-12T09:30:00Z"));
        assertThat(p.links().code()).containsExactly("https://github.com/paperstream-fixtures/sparse");
        assertThat(p.source()).isEqualTo(PaperSource.OAI);
        assertThat(page.page().rejected()).containsExactly(new Rejection("oai:arXiv.org:2511.00602", "deleted record"));
    }

    @Test
    void theArxivFormatIsVersionOneUnlessUpdatedAndTheLastPageHasAnEmptyToken() {
        OaiPmhParser.Page page = parse("arxiv-format-page.xml");

        assertThat(page.resumptionToken()).isEmpty();
        assertThat(page.page().papers()).extracting(PaperDiscovered::versionedId).containsExactly("hep-th/9901002v1");
        assertThat(page.page().papers().get(0).authors()).containsExactly("Emmy Noether", "Paul A. M. Dirac Jr");
        assertThat(page.page().rejected()).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo("oai:arXiv.org:hep-th/9901003");
            assertThat(r.reason()).contains("harvest arXivRaw");
        });
    }

    @Test
    void dublinCoreCountsVersionsByDatesAndTakesCategoriesFromTheSets() {
        PaperDiscovered p = parse("oai-dc-page.xml").page().papers().get(0);

        assertThat(p.versionedId()).isEqualTo("2511.00603v2");
        assertThat(p.authors()).containsExactly("Grace Hopper", "Barbara Liskov");
        assertThat(p.summary()).isEqualTo("An abstract in Dublin Core.");
        assertThat(p.categories()).containsExactly("cs");
    }

    @Test
    void noRecordsMatchIsAnEmptyPageAndBadResumptionTokenIsAnError() {
        assertThat(parse("no-records-match.xml").page().itemCount()).isZero();
        assertThatThrownBy(() -> parse("bad-resumption-token.xml")).isInstanceOf(OaiErrorException.class)
                .hasMessageContaining("badResumptionToken")
                .satisfies(e -> assertThat(((OaiErrorException) e).code()).isEqualTo("badResumptionToken"));
    }
}
