package dev.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AtomFeedParserTest {

    static InputStream fixture(String name) {
        InputStream in = AtomFeedParserTest.class.getResourceAsStream("/atom/" + name);
        assertThat(in).as("fixture " + name).isNotNull();
        return in;
    }

    static InputStream text(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldOfTheCurrentSerialization() {
        FeedPage page = AtomFeedParser.parse(fixture("three-new-papers.xml"));

        assertThat(page.rejected()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.startIndex()).isZero();
        assertThat(page.itemsPerPage()).isEqualTo(3);
        assertThat(page.papers()).extracting(PaperDiscovered::id)
                .containsExactly("2511.00001", "2511.00002", "hep-th/9901001");
        PaperDiscovered first = page.papers().get(0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("Tiled Attention with Online Softmax: Fast & Exact");
        assertThat(first.authors()).containsExactly("Ada Q. Lovelace", "Alan Turing");
        assertThat(first.summary()).startsWith("We fuse the attention computation into one kernel that never")
                .doesNotContain("\n");
        assertThat(first.categories()).containsExactly("cs.LG", "cs.AI");
        assertThat(first.primaryCategory()).isEqualTo("cs.LG");
        assertThat(first.published()).isEqualTo(Instant.parse("2025-11-03T17:59:01Z"));
        assertThat(first.comment()).startsWith("12 pages");
        assertThat(first.source()).isEqualTo(PaperSource.API);
        assertThat(first.links().abs()).isEqualTo("https://arxiv.org/abs/2511.00001v1");
        assertThat(first.links().pdf()).isEqualTo("https://arxiv.org/pdf/2511.00001v1");
        assertThat(first.links().code()).containsExactly("https://github.com/paperstream-fixtures/tiled-attention",
                "https://huggingface.co/paperstream-fixtures/tiled-7b");

        PaperDiscovered second = page.papers().get(1);
        assertThat(second.version()).isEqualTo(3);
        assertThat(second.doi()).isEqualTo("10.1234/fixture.2025.2");
        assertThat(second.journalRef()).isEqualTo("J. Fixture Res. 1 (2025) 1-20");
        assertThat(second.updated()).isEqualTo(Instant.parse("2025-11-05T09:00:00Z"));
        assertThat(second.links().code()).isEmpty();

        PaperDiscovered old = page.papers().get(2);
        assertThat(old.versionedId()).isEqualTo("hep-th/9901001v2");
        assertThat(old.authors()).hasSize(3);
        assertThat(old.links().pdf()).isEqualTo("https://arxiv.org/pdf/hep-th/9901001v2");
    }

    @Test
    void readsTheLegacySerializationWithPerElementNamespaces() {
        FeedPage page = AtomFeedParser.parse(fixture("legacy-two-papers.xml"));

        assertThat(page.rejected()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(2);
        PaperDiscovered p = page.papers().get(0);
        assertThat(p.versionedId()).isEqualTo("1601.00101v2");
        assertThat(p.title()).isEqualTo("Superfluid Helium in Fixture Nanopores");
        assertThat(p.doi()).isEqualTo("10.1103/Fixture.93.1");
        assertThat(p.journalRef()).isEqualTo("Phys. Rev. B 93, 1 (2016)");
        assertThat(p.comment()).isEqualTo("5 pages, 4 figures");
        assertThat(p.primaryCategory()).isEqualTo("cond-mat.other");
        assertThat(p.categories()).containsExactly("cond-mat.other", "cond-mat.stat-mech");
        assertThat(p.links().abs()).isEqualTo("https://arxiv.org/abs/1601.00101v2");
        assertThat(p.links().code()).containsExactly("https://gitlab.com/fixture-group/qmc-pores");
        assertThat(page.papers().get(1).id()).isEqualTo("cond-mat/0601001");
    }

    @Test
    void rejectsBrokenEntriesWithAReasonAndKeepsTheGoodOne() {
        FeedPage page = AtomFeedParser.parse(fixture("one-good-three-broken.xml"));

        assertThat(page.papers()).extracting(PaperDiscovered::versionedId).containsExactly("2511.00010v1");
        assertThat(page.rejected()).containsExactly(
                new Rejection("http://arxiv.org/abs/not-an-arxiv-id",
                        "'http://arxiv.org/abs/not-an-arxiv-id' is not an arXiv id"),
                new Rejection("http://arxiv.org/abs/2511.00012v1", "missing title"),
                new Rejection("http://arxiv.org/abs/2511.00013",
                        "arXiv id 'http://arxiv.org/abs/2511.00013' has no version"));
    }

    @Test
    void anEntryWithoutIdIsNamedByItsPosition() {
        FeedPage page = AtomFeedParser.parse(text("<feed xmlns='http://www.w3.org/2005/Atom'>"
                + "<entry><title>No id</title></entry></feed>"));
        assertThat(page.rejected()).containsExactly(new Rejection("entry 1", "missing arXiv id"));
    }

    @Test
    void theApiErrorFeedIsAnErrorNotAnEntry() {
        assertThatThrownBy(() -> AtomFeedParser.parse(fixture("error-feed.xml")))
                .isInstanceOf(ArxivApiErrorException.class)
                .hasMessageContaining("incorrect id format for 1234.12345");
    }

    @Test
    void anEmptyPageHasNoPapers() {
        FeedPage page = AtomFeedParser.parse(text("<feed xmlns='http://www.w3.org/2005/Atom' "
                + "xmlns:opensearch='http://a9.com/-/spec/opensearch/1.1/'>"
                + "<opensearch:totalResults>0</opensearch:totalResults></feed>"));
        assertThat(page.itemCount()).isZero();
        assertThat(page.totalResults()).isZero();
    }

    @Test
    void refusesAnyDoctypeSoNoEntityIsEverDeclared() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE feed [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + "<feed xmlns='http://www.w3.org/2005/Atom'><title>&xxe;</title></feed>";
        assertThatThrownBy(() -> AtomFeedParser.parse(text(xxe)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("DOCTYPE");
        String external = "<?xml version='1.0'?><!DOCTYPE feed SYSTEM 'http://127.0.0.1:1/evil.dtd'>"
                + "<feed xmlns='http://www.w3.org/2005/Atom'/>";
        assertThatThrownBy(() -> AtomFeedParser.parse(text(external))).hasMessageContaining("DOCTYPE");
    }

    @Test
    void truncatedOrGarbledDocumentsSayWhereTheyBreak() {
        assertThatThrownBy(() -> AtomFeedParser.parse(text("<feed xmlns='http://www.w3.org/2005/Atom'><entry>")))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> AtomFeedParser.parse(text("{\"json\": true}")))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> AtomFeedParser.parse(text("<rss version='2.0'/>")))
                .hasMessageContaining("not an Atom feed");
        byte[] latin1 = "<feed xmlns='http://www.w3.org/2005/Atom'><title>Caf\u00e9</title></feed>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> AtomFeedParser.parse(new ByteArrayInputStream(latin1)))
                .isInstanceOf(UnreadableDocumentException.class);
    }
}
