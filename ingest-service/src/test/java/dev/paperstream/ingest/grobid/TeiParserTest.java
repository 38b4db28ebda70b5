package dev.paperstream.ingest.grobid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TeiParserTest {

    @Test
    void readsSectionsCaptionsAlgorithmsReferencesAndCodeLinks() {
        TeiParser.Structure s = TeiParser.parse(TeiParserTest.class.getResourceAsStream("/tei/tiled-attention.tei.xml"));

        assertThat(s.parser()).isEqualTo("grobid 0.8.0");
        assertThat(s.sections()).extracting(PaperParsed.Section::heading)
                .containsExactly("1 Introduction", "2 Method", "3 Limitations", "A Proof of exactness");
        assertThat(s.sections().get(0).text()).contains("quadratic in memory").contains("continues the introduction");
        assertThat(s.figureCaptions()).containsExactly("Figure 1 : Speed-up over naive attention.");
        assertThat(s.tableCaptions()).containsExactly("Table 1 : Runtime in milliseconds.");
        assertThat(s.algorithms()).extracting(PaperParsed.AlgorithmBlock::label).containsExactly("Algorithm 1");
        assertThat(s.algorithms().get(0).text()).contains("update m, l, O");
        assertThat(s.referenceCount()).isEqualTo(3);
        assertThat(s.codeLinks()).containsExactly("https://github.com/paperstream-fixtures/tiled-attention");
        assertThat(s.hasLimitations()).isTrue();
        assertThat(s.hasAppendix()).isTrue();
        assertThat(s.toEvent("2511.00001", 1).sections()).hasSize(4);
    }

    @Test
    void refusesWhatIsNotTeiAndAnyDoctype() {
        assertThatThrownBy(() -> TeiParser.parse(new ByteArrayInputStream("<html/>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("not a GROBID TEI document");
        String xxe = "<?xml version='1.0'?><!DOCTYPE TEI [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>&x;</text></TEI>";
        assertThatThrownBy(() -> TeiParser.parse(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> TeiParser.parse(new ByteArrayInputStream("<TEI".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("not well-formed");
    }
}
