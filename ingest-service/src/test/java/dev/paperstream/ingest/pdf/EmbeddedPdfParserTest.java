package dev.paperstream.ingest.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.grobid.TeiParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmbeddedPdfParserTest {
    final EmbeddedPdfParser parser = new EmbeddedPdfParser(5);

    @Test
    void findsHeadingsCaptionsAlgorithmReferencesAndCodeLinks() {
        EmbeddedPdfParser.Result result = parser.parse(TestPdfs.paper());
        TeiParser.Structure s = result.structure();

        assertThat(result.pages()).isEqualTo(1);
        assertThat(s.parser()).startsWith("embedded pdfbox 3.");
        assertThat(s.sections()).extracting(PaperParsed.Section::heading)
                .containsSubsequence("Abstract", "1 Introduction", "2 Tiled Forward Pass", "3 Limitations");
        assertThat(s.figureCaptions()).containsExactly(
                "Figure 1: Speed-up over naive attention for sequence lengths 1k to 16k.");
        assertThat(s.tableCaptions()).containsExactly("Table 1: Runtime in milliseconds on one GPU.");
        assertThat(s.algorithms()).extracting(PaperParsed.AlgorithmBlock::label).containsExactly("Algorithm 1");
        assertThat(s.algorithms().get(0).text()).contains("rowmax(S)").contains("end for");
        assertThat(s.referenceCount()).isEqualTo(2);
        assertThat(s.codeLinks()).containsExactly("https://github.com/paperstream-fixtures/tiled-attention");
        assertThat(s.hasLimitations()).isTrue();
        assertThat(s.hasAppendix()).isFalse();
    }

    @Test
    void unnumberedHeadingsAreFoundByBoldTypeAndTheSpaceAboveThem() {
        TeiParser.Structure s = parser.parse(TestPdfs.styledPaper()).structure();

        // not the title, the authors, a bold table header at line spacing, a "Keywords" label or a run-in "Proof."
        assertThat(s.sections()).extracting(PaperParsed.Section::heading).containsExactly(
                "(front matter)", "Warm Restarts", "Why Cosine Schedules Work on Large Batches");
        assertThat(s.sections().get(1).text()).contains("Method Accuracy Runtime").contains("Keywords");
        assertThat(s.sections().get(2).text()).startsWith("The slow start").contains("Proof.");
    }

    @Test
    void anHtmlPageSentAsPdfIsNamedAsSuch() {
        byte[] html = "<!DOCTYPE html><html><body>Access denied</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(html)).isInstanceOf(UnparseablePdfException.class)
                .hasMessageContaining("an HTML page");
    }

    @Test
    void anEncryptedPdfIsRefused() {
        assertThatThrownBy(() -> parser.parse(TestPdfs.encrypted())).isInstanceOf(UnparseablePdfException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    void aPdfWithoutTextSaysItLooksImageOnly() {
        assertThatThrownBy(() -> parser.parse(TestPdfs.withoutText())).isInstanceOf(UnparseablePdfException.class)
                .hasMessageContaining("image-only");
    }

    @Test
    void aPdfOverThePageLimitIsRefused() {
        assertThatThrownBy(() -> parser.parse(TestPdfs.pages(6))).isInstanceOf(UnparseablePdfException.class)
                .hasMessageContaining("6 pages, more than the limit of 5");
    }

    @Test
    void aTruncatedPdfGivesAClearError() {
        byte[] pdf = TestPdfs.paper();
        byte[] truncated = Arrays.copyOf(pdf, pdf.length / 3);
        assertThatThrownBy(() -> parser.parse(truncated)).isInstanceOf(UnparseablePdfException.class)
                .hasMessageMatching(".*(cannot be read|no extractable text|no pages).*");
    }
}
