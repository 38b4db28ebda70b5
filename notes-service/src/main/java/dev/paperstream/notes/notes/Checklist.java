package dev.paperstream.notes.notes;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Implementation specs as the seed's Markdown checklist, one per algorithm, separated by {@code ---}. Markdown
 * passes raw HTML through, so every piece of paper or note text outside the code block has {@code & < >}
 * entity-escaped: a title with {@code <script>} stays text in whatever renders the file. The algorithm's text sits
 * in a fenced code block, which renders as text already (escaping it would show {@code &lt;} for every
 * {@code i < N}); its fence is longer than any backtick run inside so the text cannot close it.
 */
public final class Checklist {
    static final String SEPARATOR = "\n---\n\n";
    private static final String NONE = "_none recorded yet_\n";
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Checklist() {
    }

    public static String markdown(List<ImplementationSpec> specs) {
        return specs.stream().map(Checklist::markdown).collect(Collectors.joining(SEPARATOR));
    }

    static String markdown(ImplementationSpec spec) {
        StringBuilder md = new StringBuilder();
        md.append("# Implementation Checklist: ").append(inline(spec.name())).append("\n\n");
        md.append("## Core Algorithm\n\n");
        String fence = fence(spec.coreAlgorithm());
        md.append(fence).append("\n");
        if (!spec.coreAlgorithm().isBlank()) {
            md.append(spec.coreAlgorithm().strip()).append("\n");
        }
        md.append(fence).append("\n\n");
        md.append("## Hyperparameters (from paper)\n\n");
        if (spec.hyperparameters().isEmpty()) {
            md.append(NONE);
        }
        for (Map.Entry<String, String> e : spec.hyperparameters().entrySet()) {
            md.append("- ").append(inline(e.getKey())).append(": ").append(inline(e.getValue())).append("\n");
        }
        items(md, "Data Requirements", "- [ ] ", spec.dataRequirements());
        items(md, "Computational Requirements", "- [ ] ", spec.computeRequirements());
        items(md, "Watch Out For", "- ⚠️ ", spec.watchOutFor());
        return md.toString();
    }

    private static void items(StringBuilder md, String heading, String marker, List<String> lines) {
        md.append("\n## ").append(heading).append("\n\n");
        if (lines.isEmpty()) {
            md.append(NONE);
        }
        lines.forEach(l -> md.append(marker).append(inline(l)).append("\n"));
    }

    private static String fence(String code) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(code);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String inline(String text) {
        return escapeHtml(text.replaceAll("\\s+", " ").trim());
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
