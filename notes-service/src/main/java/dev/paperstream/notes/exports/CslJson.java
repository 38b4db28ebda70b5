package dev.paperstream.notes.exports;

import dev.paperstream.notes.papers.StoredPaper;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Papers as CSL-JSON items (the format Zotero, Pandoc and citeproc read): {@code article} for a preprint,
 * {@code article-journal} with its {@code container-title} when arXiv knows a journal reference.
 */
public final class CslJson {
    /** Lower-case particles that belong to the family name: "Ludwig van Beethoven" is family "van Beethoven". */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "da", "di",
            "du", "la", "le", "ten", "ter", "dos", "das", "bin", "ibn");
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

    private CslJson() {
    }

    public static List<Map<String, Object>> of(List<ExportedPaper> papers) {
        return papers.stream().map(CslJson::item).toList();
    }

    static Map<String, Object> item(ExportedPaper exported) {
        StoredPaper p = exported.paper();
        boolean journal = p.journalRef() != null && !p.journalRef().isBlank();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", exported.key());
        item.put("type", journal ? "article-journal" : "article");
        item.put("title", oneLine(p.title()));
        item.put("author", p.authors().stream().map(CslJson::name).toList());
        if (p.published() != null) {
            ZonedDateTime d = p.published().atZone(ZoneOffset.UTC);
            item.put("issued", Map.of("date-parts", List.of(List.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))));
        }
        if (journal) {
            item.put("container-title", oneLine(p.journalRef()));
        }
        item.put("URL", exported.absLink());
        if (p.doi() != null && !p.doi().isBlank()) {
            item.put("DOI", p.doi().strip());
        }
        item.put("archive", "arXiv");
        item.put("number", p.id());
        if (exported.teamNote() != null) {
            item.put("note", exported.teamNote());
        }
        return item;
    }

    /**
     * "Given Family" (arXiv's order) or "Family, Given"; the family name takes the lower-case particles before it,
     * and a trailing "Jr."/"III" becomes the suffix. A name of one word (a consortium, a mononym) stays whole as
     * {@code literal}, since guessing which part it is would be wrong half the time.
     */
    static Map<String, String> name(String author) {
        String name = oneLine(author);
        Map<String, String> out = new LinkedHashMap<>();
        String suffix = null;
        int comma = name.indexOf(',');
        if (comma > 0 && comma < name.length() - 1) {
            String after = name.substring(comma + 1).strip();
            if (!SUFFIXES.contains(after.toLowerCase(Locale.ROOT))) {
                out.put("family", name.substring(0, comma).strip());
                out.put("given", after);
                return out;
            }
            suffix = after;
            name = name.substring(0, comma).strip();
        }
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        if (suffix == null && words.size() > 2 && SUFFIXES.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            suffix = words.remove(words.size() - 1);
        }
        if (words.size() < 2) {
            out.put("literal", oneLine(author));
            return out;
        }
        int family = words.size() - 1;
        while (family > 1 && PARTICLES.contains(words.get(family - 1))) {
            family--;
        }
        out.put("family", String.join(" ", words.subList(family, words.size())));
        out.put("given", String.join(" ", words.subList(0, family)));
        if (suffix != null) {
            out.put("suffix", suffix);
        }
        return out;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
