package dev.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import java.time.Instant;
import java.time.LocalDate;
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
    void theArxivFormatAcceptsUpdatedRecordsAndLeavesTheirVersionToTheStore() {
        OaiPmhParser.Page page = parse("arxiv-format-page.xml");

        assertThat(page.resumptionToken()).isEmpty();
        assertThat(page.page().rejected()).isEmpty();
        assertThat(page.page().papers()).isEmpty();
        assertThat(page.page().unnumbered()).extracting(u -> u.paper().versionedId(), UnnumberedVersion::updated)
                .containsExactly(tuple("hep-th/9901002v1", null), tuple("hep-th/9901003v2", LocalDate.of(1999, 3, 1)));
        assertThat(page.page().unnumbered().get(0).paper().authors())
                .containsExactly("Emmy Noether", "Paul A. M. Dirac Jr");
    }

    @Test
    void aRealShapedArxivFormatPageGivesEveryLiveRecordWithItsDatesAndRejectsTheDeletedOne() {
        OaiPmhParser.Page page = parse("arxiv-format-real-shape.xml");

        assertThat(page.resumptionToken()).isEqualTo("6960524|1001");
        assertThat(page.responseDate()).isEqualTo("2025-11-24T03:05:12Z");
        assertThat(page.page().totalResults()).isEqualTo(4);
        assertThat(page.page().startIndex()).isZero();
        assertThat(page.page().rejected()).containsExactly(new Rejection("oai:arXiv.org:2307.00001", "deleted record"));
        assertThat(page.page().unnumbered()).extracting(UnnumberedVersion::item).containsExactly(
                "oai:arXiv.org:2307.08691", "oai:arXiv.org:2205.14135", "oai:arXiv.org:hep-th/9912017");

        PaperDiscovered flash2 = page.page().unnumbered().get(0).paper();
        assertThat(flash2.versionedId()).isEqualTo("2307.08691v1");
        assertThat(flash2.title()).isEqualTo(
                "FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning");
        assertThat(flash2.published()).isEqualTo(Instant.parse("2023-07-17T00:00:00Z"));
        assertThat(flash2.updated()).isNull();
        assertThat(flash2.links().code()).containsExactly("https://github.com/paperstream-fixtures/flash-attention-2");

        UnnumberedVersion flash = page.page().unnumbered().get(1);
        assertThat(flash.updated()).isEqualTo(LocalDate.of(2022, 6, 23));
        assertThat(flash.paper().versionedId()).isEqualTo("2205.14135v2");
        assertThat(flash.paper().authors()).endsWith("Christopher R\u00e9");
        assertThat(flash.paper().comment()).isEqualTo("NeurIPS 2022");

        PaperDiscovered old = page.page().unnumbered().get(2).paper();
        assertThat(old.versionedId()).isEqualTo("hep-th/9912017v1");
        assertThat(old.authors()).containsExactly("Emmy Noether", "P. A. M. Dirac Jr");
        assertThat(old.categories()).containsExactly("hep-th", "gr-qc");
        assertThat(old.journalRef()).isEqualTo("Phys.Lett. B470 (1999) 1-7");
        assertThat(old.doi()).isEqualTo("10.1016/S0370-2693(99)01234-5");
        assertThat(old.links().abs()).isEqualTo("https://arxiv.org/abs/hep-th/9912017v1");
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
