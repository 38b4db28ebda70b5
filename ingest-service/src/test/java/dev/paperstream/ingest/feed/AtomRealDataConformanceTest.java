package dev.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperDiscovered;
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

/**
 * Every real arXiv API response in ../shared/realdata/A-arxiv-api (both serializations) parses, and the
 * parser agrees with an independent, regex-based reading of the same bytes.
 */
class AtomRealDataConformanceTest {
    private static final Pattern ENTRY = Pattern.compile("<entry>(.*?)</entry>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("<id>\\s*https?://arxiv\\.org/abs/(.+?)v(\\d+)\\s*</id>");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern AUTHOR = Pattern.compile("<author>");
    private static final Pattern CATEGORY = Pattern.compile("<category term=\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("<opensearch:totalResults[^>]*>(\\d+)<");

    static Stream<Path> apiResponses() {
        return RealData.files("A-arxiv-api", ".xml").stream();
    }

    @ParameterizedTest
    @MethodSource("apiResponses")
    void everyEntryParsesWithTheValuesInTheFile(Path file) throws IOException {
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        FeedPage page;
        try (InputStream in = Files.newInputStream(file)) {
            page = AtomFeedParser.parse(in);
        }

        assertThat(page.rejected()).as(file.getFileName().toString()).isEmpty();
        Matcher total = TOTAL.matcher(raw);
        assertThat(total.find()).isTrue();
        assertThat(page.totalResults()).isEqualTo(Long.parseLong(total.group(1)));

        List<String> entries = new ArrayList<>();
        Matcher e = ENTRY.matcher(raw);
        while (e.find()) {
            entries.add(e.group(1));
        }
        assertThat(page.papers()).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            PaperDiscovered paper = page.papers().get(i);
            Matcher id = ID.matcher(entry);
            assertThat(id.find()).isTrue();
            assertThat(paper.id()).isEqualTo(id.group(1));
            assertThat(paper.version()).isEqualTo(Integer.parseInt(id.group(2)));
            Matcher title = TITLE.matcher(entry);
            assertThat(title.find()).isTrue();
            assertThat(paper.title()).isEqualTo(unescape(title.group(1).replaceAll("\\s+", " ").trim()));
            assertThat(paper.authors()).hasSize(count(AUTHOR, entry));
            List<String> categories = new ArrayList<>();
            Matcher c = CATEGORY.matcher(entry);
            while (c.find()) {
                categories.add(c.group(1));
            }
            assertThat(paper.categories()).containsAll(categories);
            assertThat(paper.categories()).contains(paper.primaryCategory());
            assertThat(paper.links().abs()).isEqualTo("https://arxiv.org/abs/" + paper.versionedId());
        }
    }

    @ParameterizedTest
    @MethodSource("apiResponses")
    void theKnownPapersHaveTheirKnownMetadata(Path file) throws IOException {
        FeedPage page;
        try (InputStream in = Files.newInputStream(file)) {
            page = AtomFeedParser.parse(in);
        }
        for (PaperDiscovered p : page.papers()) {
            if (p.versionedId().equals("1111.2011v2")) {
                assertThat(p.title()).isEqualTo(
                        "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit");
                assertThat(p.authors()).containsExactly("James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic");
                assertThat(p.categories()).containsExactly("cond-mat.str-el", "cond-mat.stat-mech");
                assertThat(p.doi()).isEqualTo("10.1103/PhysRevB.85.115117");
                assertThat(p.journalRef()).isEqualTo("Phys. Rev. B 85, 115117 (2012)");
            }
            if (p.versionedId().equals("1707.08567v1")) {
                assertThat(p.authors()).hasSize(34).contains("Dirk W\u00fcbben");
                assertThat(p.primaryCategory()).isEqualTo("cs.IT");
            }
        }
        if (file.getFileName().toString().startsWith("q_testing_s0_m100")) {
            assertThat(page.papers()).hasSize(100);
            assertThat(page.totalResults()).isEqualTo(214881);
        }
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
