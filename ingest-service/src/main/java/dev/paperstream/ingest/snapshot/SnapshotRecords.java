package dev.paperstream.ingest.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import dev.paperstream.ingest.feed.PaperDraft;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringTokenizer;

/**
 * One line of arXiv's metadata snapshot (JSON Lines, Kaggle format: id, authors, authors_parsed,
 * title, abstract, categories, comments, journal-ref, doi, versions, update_date) as a paper event of
 * its latest version.
 */
public final class SnapshotRecords {
    // bound to a record rather than read as a tree: building the tree's maps costs a fifth of a bulk import's time
    private static final ObjectReader LINE = new ObjectMapper().readerFor(Line.class);
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private SnapshotRecords() {
    }

    /** The paper, or an {@link IllegalArgumentException} saying what is wrong with the line. */
    public static PaperDiscovered parse(String line) {
        Line n;
        try {
            n = LINE.readValue(line);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(e.getPath().isEmpty() ? "not a JSON object"
                    : "not a snapshot record: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (n.versions == null || n.versions.isEmpty()) {
            throw new IllegalArgumentException("no versions");
        }
        Version last = n.versions.get(n.versions.size() - 1);
        PaperDraft d = new PaperDraft();
        d.id = n.id + (last == null || last.version == null ? "" : last.version);
        d.title = n.title;
        d.summary = n.summary;
        d.comment = n.comments;
        d.journalRef = n.journalRef;
        d.doi = n.doi;
        d.published = created(n.versions.get(0));
        d.updated = n.versions.size() > 1 ? created(last) : null;
        if (n.categories != null) {
            StringTokenizer words = new StringTokenizer(n.categories);
            while (words.hasMoreTokens()) {
                d.categories.add(words.nextToken());
            }
        }
        if (n.authorsParsed != null && !n.authorsParsed.isEmpty()) {
            for (List<String> a : n.authorsParsed) {
                // [last, first, suffix] -> "first last suffix"
                d.authors.add((part(a, 1) + " " + part(a, 0) + " " + part(a, 2)).trim());
            }
        } else if (n.authors != null) {
            for (String a : n.authors.split(",\\s*|\\s+and\\s+")) {
                d.authors.add(a);
            }
        }
        return d.toPaper(PaperSource.SNAPSHOT);
    }

    private static String part(List<String> name, int i) {
        return name == null || i >= name.size() || name.get(i) == null ? "" : name.get(i);
    }

    private static String created(Version version) {
        String created = version == null ? null : version.created;
        if (created == null) {
            return null;
        }
        try {
            return rfc1123(created.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("version date '" + created + "' is not an RFC 1123 date");
        }
    }

    /**
     * "Mon, 2 Apr 2007 19:18:42 GMT", the form of every snapshot date, as ISO-8601 UTC; read by hand
     * because the formatters cost more than the rest of the record. Other RFC 1123 forms go through the
     * formatter.
     */
    private static String rfc1123(String text) {
        String[] p = text.split(" ");
        int month = p.length == 6 && p[2].length() == 3 ? MONTHS.indexOf(p[2]) : -1;
        if (month < 0 || month % 3 != 0 || !"GMT".equals(p[5]) || p[4].length() != 8 || p[4].charAt(2) != ':'
                || p[4].charAt(5) != ':') {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
        }
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(p[3]), month / 3 + 1, Integer.parseInt(p[1]),
                    Integer.parseInt(p[4], 0, 2, 10), Integer.parseInt(p[4], 3, 5, 10),
                    Integer.parseInt(p[4], 6, 8, 10));
            if (t.getYear() < 1000 || t.getYear() > 9999) {
                throw new DateTimeException("year out of range");
            }
            return new StringBuilder(20).append(t.getYear()).append('-').append(twoDigits(t.getMonthValue()))
                    .append('-').append(twoDigits(t.getDayOfMonth())).append('T').append(p[4]).append('Z').toString();
        } catch (NumberFormatException e) {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
        }
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String id, String title, @JsonProperty("abstract") String summary, String authors,
            @JsonProperty("authors_parsed") List<List<String>> authorsParsed, String categories, String comments,
            @JsonProperty("journal-ref") String journalRef, String doi, List<Version> versions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Version(String version, String created) {
    }
}
