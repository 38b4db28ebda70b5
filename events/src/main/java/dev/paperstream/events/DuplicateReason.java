package dev.paperstream.events;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reason line of {@link PaperScored#reasons()} that marks a near-duplicate: "duplicate: same work as
 * arXiv:2205.14135 (cosine 0.97)". Priority writes it; notes reads which paper it names (the paper page, the
 * triage list, the digest). One definition, so that the two services cannot drift apart.
 */
public final class DuplicateReason {
    public static final String PREFIX = "duplicate: ";
    private static final Pattern SAME_WORK_AS = Pattern.compile("^" + PREFIX + "same work as arXiv:(\\S+)");

    private DuplicateReason() {
    }

    /** What the line says after its prefix; the cosine rounded down to two places, so 0.999 never reads 1.00. */
    public static String note(String paperId, double cosine) {
        return String.format(Locale.ROOT, "same work as arXiv:%s (cosine %.2f)", paperId,
                Math.floor(cosine * 100) / 100);
    }

    /** The whole reason line. */
    public static String of(String paperId, double cosine) {
        return PREFIX + note(paperId, cosine);
    }

    /** What a near-duplicate's reason says after its prefix (the note people read), or null for any other reason. */
    public static String noteIn(String reason) {
        return reason != null && reason.startsWith(PREFIX) ? reason.substring(PREFIX.length()) : null;
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
