package dev.paperstream.ingest.imports;

import dev.paperstream.events.PaperDiscovered;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks a parsed paper against {@link FieldLimits}, in time linear in its number of authors,
 * categories and links (lengths are known), so that the bulk snapshot import pays almost nothing.
 */
@ApplicationScoped
@Startup // so that limits too large for Kafka are reported when the service starts, not at the first import
public class PaperLimits {
    /** Kafka's default {@code max.request.size} (producer) and, nearly, {@code message.max.bytes} (broker). */
    public static final int KAFKA_DEFAULT_MAX_REQUEST = 1_048_576;
    /** Real ids have at most about 20 characters ({@code cond-mat/0101001}, {@code 2307.08691}). */
    static final int MAX_ID_LENGTH = 64;
    // JSON punctuation, field names, the id three times (key, abs and pdf links), dates, version, source
    private static final int ENVELOPE_BYTES = 2_000;
    // a char of Java text is at most 3 bytes of UTF-8 (a surrogate pair is 4 for 2); control characters,
    // the only ones JSON escapes to 6 bytes, are stripped before, and a quote or backslash escaped is 2
    private static final int BYTES_PER_CHAR = 3;
    private static final String PREFIX = "paperstream.imports.limits.";
    private static final Logger LOG = Logger.getLogger(PaperLimits.class);

    private final FieldLimits limits;

    public PaperLimits(FieldLimits limits) {
        this.limits = limits;
        if (worstCaseEventBytes() > KAFKA_DEFAULT_MAX_REQUEST) {
            LOG.warnf("with these paperstream.imports.limits an accepted paper can make a paper.discovered event of"
                    + " %d bytes, over Kafka's default 1 MB request size: raise max.request.size and the broker's"
                    + " message.max.bytes to match, or lower the limits", worstCaseEventBytes());
        }
    }

    /** The largest paper.discovered JSON, in UTF-8 bytes, that a paper within the limits can make. */
    public long worstCaseEventBytes() {
        long authorChars = Math.min(limits.authorsTotalLength(), (long) limits.authors() * limits.authorNameLength());
        long chars = limits.titleLength() + (long) limits.abstractLength() + limits.commentLength()
                + limits.journalRefLength() + limits.doiLength() + authorChars
                + (limits.categories() + 1L) * limits.categoryLength()
                + (long) limits.codeLinks() * limits.codeLinkLength();
        // each list element adds its two quotes and a comma
        long elements = limits.authors() + limits.categories() + (long) limits.codeLinks();
        return BYTES_PER_CHAR * chars + 3 * elements + ENVELOPE_BYTES;
    }

    /** Why the paper is over a limit, or null when it is within all of them. */
    public String violation(PaperDiscovered p) {
        if (p.id().length() > MAX_ID_LENGTH) {
            return "the id has " + p.id().length() + " characters, more than " + MAX_ID_LENGTH;
        }
        String tooLong = firstTooLong(p);
        if (tooLong != null) {
            return tooLong;
        }
        List<String> authors = p.authors();
        if (authors.size() > limits.authors()) {
            return over(authors.size() + " authors", limits.authors(), "authors");
        }
        long total = 0;
        for (int i = 0; i < authors.size(); i++) {
            int length = authors.get(i).length();
            if (length > limits.authorNameLength()) {
                return over("author " + (i + 1) + " has " + length + " characters", limits.authorNameLength(),
                        "author-name-length");
            }
            total += length;
        }
        if (total > limits.authorsTotalLength()) {
            return over("the author names have " + total + " characters together", limits.authorsTotalLength(),
                    "authors-total-length");
        }
        String categories = listOver("categories", p.categories(), limits.categories(), "categories",
                limits.categoryLength(), "category-length");
        return categories != null ? categories : listOver("code links", p.links().code(), limits.codeLinks(),
                "code-links", limits.codeLinkLength(), "code-link-length");
    }

    private String firstTooLong(PaperDiscovered p) {
        String v = length("title", p.title(), limits.titleLength(), "title-length");
        v = v != null ? v : length("abstract", p.summary(), limits.abstractLength(), "abstract-length");
        v = v != null ? v : length("comment", p.comment(), limits.commentLength(), "comment-length");
        v = v != null ? v : length("journal ref", p.journalRef(), limits.journalRefLength(), "journal-ref-length");
        v = v != null ? v : length("DOI", p.doi(), limits.doiLength(), "doi-length");
        return v != null ? v : length("primary category", p.primaryCategory(), limits.categoryLength(),
                "category-length");
    }

    private static String length(String field, String value, int limit, String setting) {
        return value == null || value.length() <= limit ? null
                : over("the " + field + " has " + value.length() + " characters", limit, setting);
    }

    private static String listOver(String what, List<String> values, int maxCount, String countSetting,
            int maxLength, String lengthSetting) {
        if (values.size() > maxCount) {
            return over(values.size() + " " + what, maxCount, countSetting);
        }
        for (String value : values) {
            if (value.length() > maxLength) {
                return over("one of the " + what + " has " + value.length() + " characters", maxLength,
                        lengthSetting);
            }
        }
        return null;
    }

    private static String over(String what, long limit, String setting) {
        return what + ", more than the limit of " + limit + " (" + PREFIX + setting + ")";
    }
}
