package dev.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import java.io.InputStream;
import java.time.Instant;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class RssFeedParserTest {

    static RssFeedParser.Feed parse(String name) {
        InputStream in = RssFeedParserTest.class.getResourceAsStream("/rss/" + name);
        XMLStreamReader root = SafeXml.openAtRoot(in);
        assertThat(RssFeedParser.isRss(root)).isTrue();
        return RssFeedParser.parseFeed(root);
    }

    @Test
    void readsIdVersionAbstractAuthorsAndAnnounceType() {
        RssFeedParser.Feed feed = parse("cs-lg-day1.xml");

        assertThat(feed.rejected()).isEmpty();
        assertThat(feed.items()).extracting(RssFeedParser.Item::announceType).containsExactly("new", "cross");
        PaperDiscovered p = feed.items().get(0).paper();
        assertThat(p.versionedId()).isEqualTo("2511.00201v1");
        assertThat(p.title()).isEqualTo("Attention Sinks in Long Context");
        assertThat(p.summary()).isEqualTo("The abstract of Attention Sinks in Long Context, spread over two lines.");
        assertThat(p.authors()).containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(p.categories()).containsExactly("cs.LG", "cs.CL");
        assertThat(p.primaryCategory()).isEqualTo("cs.LG");
        assertThat(p.published()).isEqualTo(Instant.parse("2025-11-17T05:00:00Z"));
        assertThat(p.source()).isEqualTo(PaperSource.RSS);
        assertThat(p.links().pdf()).isEqualTo("https://arxiv.org/pdf/2511.00201v1");
        assertThat(feed.items().get(1).paper().primaryCategory()).isEqualTo("eess.AS");
    }

    @Test
    void aReplacementIsTheNextVersionOfTheSameIdAndAnItemWithoutIdIsRejected() {
        RssFeedParser.Feed feed = parse("cs-lg-day2.xml");

        assertThat(feed.items()).extracting(i -> i.paper().versionedId() + " " + i.announceType())
                .containsExactly("2511.00201v2 replace", "2511.00202v2 replace-cross");
        assertThat(feed.rejected()).containsExactly(new Rejection("item 3", "missing arXiv id"));
    }

    @Test
    void aWeekendFeedIsEmptyAndThatIsFine() {
        RssFeedParser.Feed feed = parse("cs-lg-weekend-empty.xml");
        assertThat(feed.items()).isEmpty();
        assertThat(feed.rejected()).isEmpty();
    }
}
