package dev.paperstream.ingest.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import dev.paperstream.ingest.feed.PaperDraft;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One line of arXiv's metadata snapshot (JSON Lines, Kaggle format: id, authors, authors_parsed,
 * title, abstract, categories, comments, journal-ref, doi, versions, update_date) as a paper event of
 * its latest version.
 */
public final class SnapshotRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotRecords() {
    }

    /** The paper, or an {@link IllegalArgumentException} saying what is wrong with the line. */
    public static PaperDiscovered parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        PaperDraft d = new PaperDraft();
        JsonNode versions = n.path("versions");
        if (!versions.isArray() || versions.isEmpty()) {
            throw new IllegalArgumentException("no versions");
        }
        JsonNode last = versions.get(versions.size() - 1);
        d.id = text(n, "id") + last.path("version").asText("");
        d.title = text(n, "title");
        d.summary = text(n, "abstract");
        d.comment = text(n, "comments");
        d.journalRef = text(n, "journal-ref");
        d.doi = text(n, "doi");
        d.published = created(versions.get(0));
        d.updated = versions.size() > 1 ? created(last) : null;
        String categories = text(n, "categories");
        if (categories != null) {
            for (String c : categories.trim().split("\\s+")) {
                d.categories.add(c);
            }
        }
        JsonNode parsed = n.path("authors_parsed");
        if (parsed.isArray() && !parsed.isEmpty()) {
            for (JsonNode a : parsed) {
                // [last, first, suffix] -> "first last suffix"
                String name = (a.path(1).asText("") + " " + a.path(0).asText("") + " " + a.path(2).asText("")).trim();
                d.authors.add(name);
            }
        } else if (text(n, "authors") != null) {
            for (String a : text(n, "authors").split(",\\s*|\\s+and\\s+")) {
                d.authors.add(a);
            }
        }
        return d.toPaper(PaperSource.SNAPSHOT);
    }

    private static String created(JsonNode version) {
        String created = version.path("created").asText(null);
        if (created == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(created, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("version date '" + created + "' is not an RFC 1123 date");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
