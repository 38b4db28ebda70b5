package dev.paperstream.ingest.feed;

import java.util.regex.Pattern;

/** Feeds wrap titles and abstracts at fixed columns; the events carry them as single-spaced text. */
public final class Whitespace {
    private static final Pattern RUNS = Pattern.compile("\\s+");

    private Whitespace() {
    }

    /** Collapses runs of whitespace to one space and trims; null stays null. */
    public static String normalize(String text) {
        return text == null ? null : RUNS.matcher(text).replaceAll(" ").trim();
    }

    /** Normalized, and null when nothing is left. */
    public static String normalizeToNull(String text) {
        String n = normalize(text);
        return n == null || n.isEmpty() ? null : n;
    }
}
