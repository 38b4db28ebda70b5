package dev.paperstream.ingest.grobid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.feed.RealData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real GROBID TEI in ../shared/realdata/D-grobid-tei, checked against a regex reading of the file. */
class TeiRealDataConformanceTest {
    private static final Pattern NUMBERED_HEAD = Pattern.compile("<div xmlns=\"[^\"]+\"><head n=\"([^\"]+)\">([^<]+)</head>");
    private static final Pattern TABLE_FIGURE = Pattern.compile("<figure[^>]*type=\"table\"");

    static Stream<Path> teiFiles() {
        return RealData.files("D-grobid-tei", ".xml").stream();
    }

    @ParameterizedTest
    @MethodSource("teiFiles")
    void everyFileParsesWithItsReferencesHeadingsAndTables(Path file) throws IOException {
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        TeiParser.Structure s;
        try (InputStream in = Files.newInputStream(file)) {
            s = TeiParser.parse(in);
        }
        String afterListBibl = raw.substring(Math.max(0, raw.indexOf("<listBibl>")));
        assertThat(s.referenceCount()).isEqualTo(count(Pattern.compile("<biblStruct"), afterListBibl));
        Matcher head = NUMBERED_HEAD.matcher(raw);
        while (head.find()) {
            assertThat(s.sections()).extracting(PaperParsed.Section::heading)
                    .contains(head.group(1) + " " + head.group(2).trim());
        }
        assertThat(s.tableCaptions().size()).isLessThanOrEqualTo(count(TABLE_FIGURE, raw));
        assertThat(s.codeLinks()).doesNotContain("https://github.com/kermitt2/grobid");
        if (raw.contains("processFulltextDocument") || file.getFileName().toString().contains("fulltext")) {
            assertThat(s.parser()).isEqualTo("grobid 0.8.0");
            assertThat(s.sections()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(s.tableCaptions()).isNotEmpty();
        }
        if (file.getFileName().toString().contains("062Roisin")) {
            assertThat(s.sections()).extracting(PaperParsed.Section::heading)
                    .contains("The Model", "Simulation", "Discussion", "Acknowledgments");
            assertThat(s.figureCaptions()).anyMatch(c -> c.startsWith("Figure 1 : Figure 1: Solenopsis-based"));
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
}
