package dev.paperstream.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier split into the id without version (the Kafka key) and the version. Accepts the
 * bare forms ({@code 2307.08691v2}, {@code hep-th/9901001v1}) and the abstract-page URLs the feeds use
 * ({@code http://arxiv.org/abs/1111.2011v2}). Every service checks ids with this one class, so that an id one
 * service accepts is never refused by another.
 */
public record ArxivId(String id, int version) {
    private static final Pattern URL_PREFIX = Pattern.compile("^https?://(?:export\\.)?arxiv\\.org/(?:abs|pdf)/");
    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2})(\\d{2})\\.\\d{4,5}");
    private static final Pattern OLD_STYLE = Pattern.compile("[a-z]+(?:-[a-z]+)*(?:\\.[A-Z]{2})?/\\d{7}");
    private static final Pattern VERSIONED = Pattern.compile("(.+?)(?:v(\\d{1,4}))?");

    /** Parses an id or URL that must carry a version; the message of the exception says what is wrong. */
    public static ArxivId parseVersioned(String text) {
        ArxivId parsed = parse(text);
        if (parsed.version == 0) {
            throw new IllegalArgumentException("arXiv id '" + text.trim() + "' has no version");
        }
        return parsed;
    }

    /** Parses an id or URL; version 0 means the text had none. */
    public static ArxivId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing arXiv id");
        }
        String trimmed = text.trim();
        String bare = trimmed.startsWith("http") ? URL_PREFIX.matcher(trimmed).replaceFirst("") : trimmed;
        Matcher v = VERSIONED.matcher(bare);
        if (!v.matches() || !isValidId(v.group(1))) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not an arXiv id");
        }
        int version = v.group(2) == null ? 0 : Integer.parseInt(v.group(2));
        if (v.group(2) != null && version < 1) {
            throw new IllegalArgumentException("arXiv id '" + text.trim() + "' has version 0");
        }
        return new ArxivId(v.group(1), version);
    }

    public static Optional<ArxivId> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code id} is an arXiv id without version: {@code 2307.08691} or {@code hep-th/9901001}. */
    public static boolean isValidId(String id) {
        if (id == null) {
            return false;
        }
        Matcher m = NEW_STYLE.matcher(id);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12;
        }
        return OLD_STYLE.matcher(id).matches();
    }

    /** Why {@code id} is not a valid id without version, for a problem detail. */
    public static String explainUnversioned(String id) {
        ArxivId parsed = tryParse(id).orElse(null);
        if (parsed != null && parsed.version() > 0) {
            return "'" + id + "' has a version; use the arXiv id without version, e.g. " + parsed.id();
        }
        return "'" + id + "' is not an arXiv id (expected e.g. 2307.08691 or hep-th/9901001)";
    }

    public String versioned() {
        return id + "v" + version;
    }
}
