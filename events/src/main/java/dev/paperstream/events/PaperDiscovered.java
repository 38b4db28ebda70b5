package dev.paperstream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A version of an arXiv paper that ingest has seen. {@code id} is the arXiv id without version
 * ({@code 2307.08691}, {@code hep-th/9901001}); {@code published} is the date of version 1.
 */
public record PaperDiscovered(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) List<String> authors,
        @JsonProperty(value = "abstract", required = true) String summary,
        @JsonProperty(required = true) List<String> categories,
        @JsonProperty(required = true) String primaryCategory,
        @JsonProperty(required = true) Instant published,
        Instant updated,
        String comment,
        String journalRef,
        String doi,
        @JsonProperty(required = true) PaperLinks links,
        @JsonProperty(required = true) PaperSource source) {

    public PaperDiscovered {
        Required.check(id, "id");
        Required.check(title, "title");
        Required.check(authors, "authors");
        Required.check(summary, "abstract");
        Required.check(categories, "categories");
        Required.check(primaryCategory, "primaryCategory");
        Required.check(published, "published");
        Required.check(links, "links");
        Required.check(source, "source");
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** {@code 2307.08691v2}. */
    /** What every consumer needs before it stores a discovery: an id and a version of at least 1. */
    public void requireIdAndVersion() {
        if (id.isBlank() || version < 1) {
            throw new IllegalArgumentException("paper.discovered needs an id and a version >= 1, got '"
                    + id + "' v" + version);
        }
    }

    /**
     * The newest discovery of each paper among {@code inOffsetOrder}: one paper's records share a key, hence
     * a partition, and arrive in offset order, so the last of the highest version wins, as one at a time.
     */
    public static Map<String, PaperDiscovered> newestPerPaper(Iterable<PaperDiscovered> inOffsetOrder) {
        Map<String, PaperDiscovered> newest = new LinkedHashMap<>();
        for (PaperDiscovered p : inOffsetOrder) {
            newest.merge(p.id(), p, (had, next) -> next.version() >= had.version() ? next : had);
        }
        return newest;
    }

    public String versionedId() {
        return id + "v" + version;
    }
}
