package dev.paperstream.notes.papers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reason line priority adds to the score of a near-duplicate: "duplicate: same work as arXiv:2205.14135
 * (cosine 0.97)". The paper page shows its note; the triage list links the paper it repeats.
 */
public final class DuplicateReason {
    public static final String PREFIX = "duplicate: ";
    private static final Pattern SAME_WORK_AS = Pattern.compile("^duplicate: same work as arXiv:(\\S+)");

    private DuplicateReason() {
    }

    /** The id of the paper the reason names, or null when {@code reason} is null or not a duplicate's. */
    public static String sameWorkAs(String reason) {
        if (reason == null) {
            return null;
        }
        Matcher m = SAME_WORK_AS.matcher(reason);
        return m.find() ? m.group(1) : null;
    }
}
