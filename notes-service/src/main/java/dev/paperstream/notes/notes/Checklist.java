package dev.paperstream.notes.notes;

import dev.paperstream.notes.papers.StoredPaper;
import java.util.List;

/**
 * The implementation spec and actionable insights as a Markdown checklist. Markdown passes raw HTML through, so
 * every piece of paper or note text has {@code & < >} entity-escaped: a title with {@code <script>} stays text in
 * whatever renders the file.
 */
public final class Checklist {
    private static final List<NoteField> SPEC = NoteField.inSection("spec");

    private Checklist() {
    }

    public static String markdown(StoredPaper paper, NotesView notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Implementation checklist: ").append(inline(paper.title())).append("\n\n");
        md.append("arXiv [").append(paper.id()).append("v").append(paper.version()).append("](")
                .append(linkTarget(paper.links().abs())).append(")");
        String code = notes.text(NoteField.CODE_REPOSITORY);
        if (!code.isBlank()) {
            md.append(" · code: ").append(inline(NotesView.lines(new NoteValue(code, false, null, null)).get(0)));
        }
        md.append("\n\n## Implementation spec\n\n");
        for (NoteField f : SPEC) {
            md.append("- [ ] **").append(f.label()).append("**");
            if (notes.prefilled(f)) {
                md.append(" _(pre-filled, unconfirmed)_");
            }
            String text = notes.text(f);
            md.append(text.isBlank() ? ": _to do_\n" : ":\n" + indent(text) + "\n");
        }
        md.append("\n## Actionable insights\n\n### Algorithms\n\n");
        items(md, notes.actionableInsights().get("algorithms"));
        md.append("\n### Implementation gotchas\n\n");
        items(md, notes.actionableInsights().get("gotchas"));
        md.append("\n### Claims to verify\n\n");
        items(md, notes.numericClaims().stream().map(c -> c.phrase() + " (" + c.kind().toLowerCase() + ")").toList());
        return md.toString();
    }

    private static void items(StringBuilder md, List<String> lines) {
        if (lines.isEmpty()) {
            md.append("- [ ] _none recorded yet_\n");
        }
        lines.forEach(l -> md.append("- [ ] ").append(inline(l)).append("\n"));
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + escapeHtml(l.strip())).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String inline(String text) {
        return escapeHtml(text.replaceAll("\\s+", " ").trim());
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A link target cannot end the link early or open a tag. */
    private static String linkTarget(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E").replace("\"", "%22");
    }
}
