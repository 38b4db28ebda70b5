package dev.paperstream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The abstract page, the PDF and code repositories found in the metadata. */
public record PaperLinks(
        @JsonProperty(required = true) String abs,
        String pdf,
        List<String> code) {

    public PaperLinks {
        Required.check(abs, "abs");
        code = code == null ? List.of() : List.copyOf(code);
    }
}
