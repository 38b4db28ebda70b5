package dev.paperstream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The structure of a paper's full text, from GROBID ({@code grobid 0.8.0}) or the embedded parser. */
public record PaperParsed(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String parser,
        @JsonProperty(required = true) List<Section> sections,
        List<String> figureCaptions,
        List<String> tableCaptions,
        List<AlgorithmBlock> algorithms,
        int referenceCount,
        List<String> codeLinks,
        boolean hasLimitations,
        boolean hasAppendix) {

    public PaperParsed {
        Required.check(id, "id");
        Required.check(parser, "parser");
        Required.check(sections, "sections");
        sections = List.copyOf(sections);
        figureCaptions = figureCaptions == null ? List.of() : List.copyOf(figureCaptions);
        tableCaptions = tableCaptions == null ? List.of() : List.copyOf(tableCaptions);
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
        codeLinks = codeLinks == null ? List.of() : List.copyOf(codeLinks);
    }

    public record Section(@JsonProperty(required = true) String heading, String text) {
    }

    /** An "Algorithm N" block: its label ("Algorithm 1") and its text. */
    public record AlgorithmBlock(@JsonProperty(required = true) String label, String text) {
    }
}
