package dev.paperstream.ingest.feed;

import dev.paperstream.events.ArxivId;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperSource;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one paper as a feed gives them, before validation. Every source fills one of these;
 * {@link #toPaper} checks it and builds the event, or says in its exception what is missing.
 */
public final class PaperDraft {
    public static final String ABS_URL = "https://arxiv.org/abs/";
    public static final String PDF_URL = "https://arxiv.org/pdf/";

    public String id;
    public String title;
    public String summary;
    public final List<String> authors = new ArrayList<>();
    public final List<String> categories = new ArrayList<>();
    public String primaryCategory;
    public String published;
    public String updated;
    public String comment;
    public String journalRef;
    public String doi;

    /** Validates and builds the event; an {@link IllegalArgumentException} says what is wrong. */
    public PaperDiscovered toPaper(PaperSource source) {
        ArxivId arxivId = ArxivId.parseVersioned(id);
        String cleanTitle = Whitespace.normalizeToNull(title);
        if (cleanTitle == null) {
            throw new IllegalArgumentException("missing title");
        }
        String cleanSummary = Whitespace.normalizeToNull(summary);
        if (cleanSummary == null) {
            throw new IllegalArgumentException("missing abstract");
        }
        List<String> cleanAuthors = authors.stream().map(Whitespace::normalize).filter(a -> !a.isEmpty()).toList();
        if (cleanAuthors.isEmpty()) {
            throw new IllegalArgumentException("no authors");
        }
        List<String> cleanCategories = categories.stream().map(Whitespace::normalize)
                .filter(c -> c != null && !c.isEmpty()).distinct().toList();
        String cleanPrimary = Whitespace.normalizeToNull(primaryCategory);
        String primary = cleanPrimary != null ? cleanPrimary
                : cleanCategories.isEmpty() ? null : cleanCategories.get(0);
        if (primary == null) {
            throw new IllegalArgumentException("no categories");
        }
        if (!cleanCategories.contains(primary)) {
            List<String> withPrimary = new ArrayList<>(cleanCategories);
            withPrimary.add(0, primary);
            cleanCategories = withPrimary;
        }
        if (published == null || published.isBlank()) {
            throw new IllegalArgumentException("missing published date");
        }
        String cleanComment = Whitespace.normalizeToNull(comment);
        PaperLinks links = new PaperLinks(ABS_URL + arxivId.versioned(), PDF_URL + arxivId.versioned(),
                CodeLinks.find(cleanSummary, cleanComment));
        return new PaperDiscovered(arxivId.id(), arxivId.version(), cleanTitle, cleanAuthors, cleanSummary,
                cleanCategories, primary, instant(published, "published"),
                updated == null || updated.isBlank() ? null : instant(updated, "updated"),
                cleanComment, Whitespace.normalizeToNull(journalRef), Whitespace.normalizeToNull(doi), links, source);
    }

    /** ISO date-time with offset, or a plain date (start of day UTC), as feeds write them. */
    public static Instant instant(String text, String field) {
        String t = text.trim();
        try {
            if (isPlainUtc(t)) {
                // yyyy-MM-ddTHH:mm:ssZ, the form of most feeds and of the snapshot: the formatter costs ten times more
                return LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), digits(t, 11, 13),
                        digits(t, 14, 16), digits(t, 17, 19)).toInstant(ZoneOffset.UTC);
            }
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " '" + t + "' is not an ISO-8601 date");
        }
    }

    private static boolean isPlainUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
            if (!separator && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (t.charAt(i) - '0');
        }
        return value;
    }
}
