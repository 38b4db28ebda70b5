package dev.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real rss.arxiv.org feed in ../shared/realdata/B-arxiv-rss against a regex reading of its bytes. */
class RssRealDataConformanceTest {
    private static final Pattern ITEM = Pattern.compile("<item>(.*?)</item>", Pattern.DOTALL);
    private static final Pattern GUID = Pattern.compile("<guid[^>]*>oai:arXiv\\.org:(.+?)v(\\d+)</guid>");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern CATEGORY = Pattern.compile("<category>(.*?)</category>");
    private static final Pattern ANNOUNCE = Pattern.compile("<arxiv:announce_type>(.*?)</arxiv:announce_type>");
    private static final Pattern CREATOR = Pattern.compile("<dc:creator>(.*?)</dc:creator>", Pattern.DOTALL);

    static Stream<Path> feeds() {
        return RealData.files("B-arxiv-rss", ".xml").stream();
    }

    @ParameterizedTest
    @MethodSource("feeds")
    void everyItemParsesWithTheValuesInTheFile(Path file) throws IOException {
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        RssFeedParser.Feed feed;
        try (InputStream in = Files.newInputStream(file)) {
            feed = RssFeedParser.parseFeed(SafeXml.openAtRoot(in));
        }
        assertThat(feed.rejected()).isEmpty();
        List<String> items = new ArrayList<>();
        Matcher m = ITEM.matcher(raw);
        while (m.find()) {
            items.add(m.group(1));
        }
        assertThat(feed.items()).hasSameSizeAs(items).isNotEmpty();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            RssFeedParser.Item parsed = feed.items().get(i);
            Matcher guid = GUID.matcher(item);
            assertThat(guid.find()).isTrue();
            assertThat(parsed.paper().id()).isEqualTo(guid.group(1));
            assertThat(parsed.paper().version()).isEqualTo(Integer.parseInt(guid.group(2)));
            Matcher title = TITLE.matcher(item);
            assertThat(title.find()).isTrue();
            assertThat(parsed.paper().title()).isEqualTo(title.group(1).replaceAll("\\s+", " ").trim()
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
            Matcher creator = CREATOR.matcher(item);
            assertThat(creator.find()).isTrue();
            assertThat(parsed.paper().authors()).hasSize(creator.group(1).split(",").length);
            List<String> categories = new ArrayList<>();
            Matcher c = CATEGORY.matcher(item);
            while (c.find()) {
                categories.add(c.group(1));
            }
            assertThat(parsed.paper().categories()).containsExactlyElementsOf(categories);
            Matcher announce = ANNOUNCE.matcher(item);
            assertThat(announce.find()).isTrue();
            assertThat(parsed.announceType()).isEqualTo(announce.group(1));
            assertThat(parsed.paper().summary()).doesNotStartWith("arXiv:").doesNotContain("Announce Type");
        }
    }
}
