package dev.paperstream.notes.exports;

import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.notes.NoteValue;
import dev.paperstream.notes.notes.NotesView;
import dev.paperstream.notes.papers.StoredPaper;
import java.util.Map;

/**
 * A paper's reading notes as one Markdown file: title, link and authors, then each section with every field's
 * text; text a machine suggested and no person has confirmed yet is marked "_(suggested)_" so the reader knows
 * what to check. Markdown passes raw HTML through, so {@code & < >} in paper and note text are entity-escaped
 * (as in the implementation checklist), and a note line that starts with {@code #} cannot become a heading of
 * this file.
 */
public final class NotesMarkdown {
    static final String SUGGESTED = "_(suggested)_";
    private static final Map<String, String> SECTION_TITLES = Map.of("pass1", "Pass 1: the big picture",
            "pass2", "Pass 2: the content", "pass3", "Pass 3: re-implementation", "insights", "Paper insights",
            "spec", "Implementation spec");

    private NotesMarkdown() {
    }

    public static String of(StoredPaper paper, NotesView notes) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(paper.title())).append("\n\n");
        md.append("<https://arxiv.org/abs/").append(paper.id()).append("> (arXiv:").append(paper.id()).append(")\n");
        if (!paper.authors().isEmpty()) {
            md.append("\n").append(inline(String.join(", ", paper.authors()))).append("\n");
        }
        for (String section : NoteField.SECTIONS) {
            md.append("\n## ").append(SECTION_TITLES.getOrDefault(section, section)).append("\n");
            for (NoteField field : NoteField.inSection(section)) {
                NoteValue value = notes.sections().get(section).get(field.key());
                boolean empty = value == null || value.value() == null || value.value().isBlank();
                md.append("\n### ").append(field.label());
                if (!empty && value.prefilled()) {
                    md.append(" ").append(SUGGESTED);
                }
                md.append("\n\n").append(empty ? "_not written yet_" : block(value.value())).append("\n");
            }
        }
        return md.toString();
    }

    private static String inline(String text) {
        return escapeHtml(text == null ? "" : text.replaceAll("\\s+", " ").strip());
    }

    private static String block(String text) {
        return escapeHtml(text.strip()).lines().map(l -> l.stripLeading().startsWith("#") ? "\\" + l.stripLeading() : l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
