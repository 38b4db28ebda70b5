package dev.paperstream.notes.exports;

import dev.paperstream.notes.papers.StoredPaper;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Papers as BibTeX for Zotero and friends: {@code @misc} for a preprint, {@code @article} when arXiv knows a
 * journal reference. Text is UTF-8 with the BibTeX/LaTeX specials escaped, so that no title or name can unbalance
 * an entry's braces; titles sit in a second pair of braces so their capitals survive bibliography styles. The
 * url and doi fields are read verbatim by biblatex and Zotero, so they are not LaTeX-escaped; the few characters
 * that would break the entry there are percent-encoded instead.
 */
public final class BibTex {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};
    /** A name that holds the word "and" or a comma would be split by BibTeX's name parser: brace it whole. */
    private static final Pattern SPLITS_NAME = Pattern.compile("(?i)(\\band\\b|,)");

    private BibTex() {
    }

    public static String of(List<ExportedPaper> papers) {
        return papers.stream().map(BibTex::entry).collect(Collectors.joining("\n"));
    }

    static String entry(ExportedPaper exported) {
        StoredPaper p = exported.paper();
        boolean journal = p.journalRef() != null && !p.journalRef().isBlank();
        StringBuilder bib = new StringBuilder();
        bib.append(journal ? "@article{" : "@misc{").append(exported.key()).append(",\n");
        field(bib, "title", "{" + escape(p.title()) + "}");
        if (!p.authors().isEmpty()) {
            field(bib, "author", p.authors().stream().map(BibTex::name).collect(Collectors.joining(" and ")));
        }
        if (journal) {
            field(bib, "journal", escape(p.journalRef()));
        }
        if (p.published() != null) {
            ZonedDateTime date = p.published().atZone(ZoneOffset.UTC);
            field(bib, "year", Integer.toString(date.getYear()));
            bib.append("  month = ").append(MONTHS[date.getMonthValue() - 1]).append(",\n");
        }
        field(bib, "eprint", escape(p.id()));
        field(bib, "archivePrefix", "arXiv");
        if (p.primaryCategory() != null) {
            field(bib, "primaryClass", escape(p.primaryCategory()));
        }
        field(bib, "url", verbatim(exported.absLink()));
        if (p.doi() != null && !p.doi().isBlank()) {
            field(bib, "doi", verbatim(p.doi().strip()));
        }
        if (exported.teamNote() != null) {
            field(bib, "note", escape(exported.teamNote()));
        }
        bib.setLength(bib.length() - 2);
        return bib.append("\n}\n").toString();
    }

    private static void field(StringBuilder bib, String name, String bracedValue) {
        bib.append("  ").append(name).append(" = {").append(bracedValue).append("},\n");
    }

    static String name(String author) {
        String escaped = escape(author.strip());
        return SPLITS_NAME.matcher(author).find() ? "{" + escaped + "}" : escaped;
    }

    /** Text with every BibTeX/LaTeX special made literal; runs of white space (line breaks too) become one space. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String plain = text.replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A url or doi: kept as is, but for the characters that would end the field or the entry early. */
    private static String verbatim(String value) {
        return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replaceAll("\\s", "%20");
    }
}
