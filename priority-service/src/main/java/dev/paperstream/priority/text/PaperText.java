package dev.paperstream.priority.text;

import java.time.Instant;
import java.util.List;

/** What scoring reads of a paper. {@code published} is the date of version 1. */
public record PaperText(
        String title,
        String abstractText,
        String comment,
        List<String> categories,
        Instant published,
        List<String> codeLinks,
        List<String> fullTextCodeLinks,
        String fullTextOutline) {

    public PaperText {
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        categories = categories == null ? List.of() : List.copyOf(categories);
        codeLinks = codeLinks == null ? List.of() : List.copyOf(codeLinks);
        fullTextCodeLinks = fullTextCodeLinks == null ? List.of() : List.copyOf(fullTextCodeLinks);
        fullTextOutline = fullTextOutline == null ? "" : fullTextOutline;
    }

    /** A paper whose full text has not been parsed. */
    public PaperText(String title, String abstractText, String comment, List<String> categories, Instant published,
            List<String> codeLinks, List<String> fullTextCodeLinks) {
        this(title, abstractText, comment, categories, published, codeLinks, fullTextCodeLinks, "");
    }
}
