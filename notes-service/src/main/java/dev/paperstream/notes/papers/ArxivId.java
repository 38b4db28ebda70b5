package dev.paperstream.notes.papers;

import java.util.regex.Pattern;

/** arXiv identifiers without version: new style {@code 2307.08691}, old style {@code hep-th/9901001}. */
public final class ArxivId {
    private static final Pattern NEW_STYLE = Pattern.compile("\\d{4}\\.\\d{4,5}");
    private static final Pattern OLD_STYLE = Pattern.compile("[a-z]+(-[a-z]+)*(\\.[A-Z]{2})?/\\d{7}");
    private static final Pattern VERSIONED = Pattern.compile(".*v\\d+");

    private ArxivId() {
    }

    public static boolean isValid(String id) {
        return id != null && (NEW_STYLE.matcher(id).matches() || OLD_STYLE.matcher(id).matches());
    }

    /** Why {@code id} is not a valid unversioned id, for a problem detail. */
    public static String explain(String id) {
        if (id != null && VERSIONED.matcher(id).matches() && isValid(id.replaceFirst("v\\d+$", ""))) {
            return "'" + id + "' has a version; use the arXiv id without version, e.g. "
                    + id.replaceFirst("v\\d+$", "");
        }
        return "'" + id + "' is not an arXiv id (expected e.g. 2307.08691 or hep-th/9901001)";
    }
}
