package dev.paperstream.ingest.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.feed.RealData;
import dev.paperstream.ingest.grobid.TeiParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedded parser on every real PDF in ../shared/realdata/E-pdfs; prints what it found per file. */
class PdfRealDataConformanceTest {
    static Stream<Path> pdfs() {
        return RealData.files("E-pdfs", ".pdf").stream();
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void everyRealPdfParsesIntoSections(Path file) throws IOException {
        long start = System.nanoTime();
        EmbeddedPdfParser.Result r = new EmbeddedPdfParser(300).parse(Files.readAllBytes(file));
        long millis = (System.nanoTime() - start) / 1_000_000;
        TeiParser.Structure s = r.structure();
        System.out.printf("%s: %d pages in %d ms; sections %s; %d figure and %d table captions; %d algorithms;"
                + " %d references; code %s; limitations %s; appendix %s%n", file.getFileName(), r.pages(), millis,
                s.sections().stream().map(PaperParsed.Section::heading).toList(), s.figureCaptions().size(),
                s.tableCaptions().size(), s.algorithms().size(), s.referenceCount(), s.codeLinks(),
                s.hasLimitations(), s.hasAppendix());

        assertThat(r.pages()).isPositive();
        assertThat(s.sections()).hasSizeGreaterThanOrEqualTo(3);
        String name = file.getFileName().toString();
        if (name.startsWith("062Roisin")) {
            // American Naturalist headings are bold and unnumbered; the bold title and authors are not sections
            assertThat(s.sections()).extracting(PaperParsed.Section::heading)
                    .containsSubsequence("The Model", "Simulation", "Discussion", "Acknowledgments")
                    .noneMatch(h -> h.contains("Evolutionary Stable Strategy") || h.contains("Roisin"));
        }
        if (name.startsWith("arxiv-1906.02444")) {
            assertThat(s.sections()).extracting(PaperParsed.Section::heading).containsSubsequence("Introduction",
                    "Convolutional Neural Network", "Architecture of CNN for raw signal data input",
                    "Mini-batch stochastic gradient descent with momentum based learning", "Experimental setup",
                    "Results", "Conclusion and future work")
                    .noneMatch(h -> h.contains("FAULT DIAGNOSIS") || h.equals("Keywords") || h.contains("Kolar"));
        }
        if (name.startsWith("arxiv-1111.2011v2")) {
            assertThat(s.sections()).extracting(PaperParsed.Section::heading)
                    .contains("I. INTRODUCTION", "IV. CORRECTIONS AT FINITE N", "V. DISCUSSION")
                    .noneMatch(h -> h.contains("Bethe Lattice"));
            assertThat(s.referenceCount()).isGreaterThanOrEqualTo(15);
        }
        if (name.startsWith("62-Article")) {
            // bold table cells ("Trace Test") and the bold author line are not headings
            assertThat(s.sections()).extracting(PaperParsed.Section::heading)
                    .contains("1 Introduction", "2 Literature Review", "5 Conclusion")
                    .doesNotContain("Trace Test", "Maximum Eigenvalues", "Taofik Mohammed IBRAHIM");
            assertThat(s.tableCaptions()).hasSizeGreaterThanOrEqualTo(3);
        }
        if (name.startsWith("arxiv-1906.02444")) {
            assertThat(s.figureCaptions()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(s.tableCaptions()).hasSizeGreaterThanOrEqualTo(3);
        }
    }
}
