package dev.paperstream.notes.channels;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook URL is a credential (whoever has a Slack incoming-webhook URL can post to the channel), and a
 * receiver's answer may repeat it or carry secrets of its own. Errors, logs and pages therefore name only the
 * receiver's host; editors see a channel's URL masked after its first path segment.
 */
public final class Redaction {
    static final int MAX_ERROR = 300;
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"'<>]+");

    private Redaction() {
    }

    /** Where a target points without saying how to post there: the host of a URL, the domain of an address. */
    public static String host(String target) {
        if (target == null) {
            return "?";
        }
        int at = target.lastIndexOf('@');
        if (!target.contains("://") && at >= 0) {
            return target.substring(at + 1);
        }
        try {
            String host = URI.create(target.strip()).getHost();
            return host == null ? "an unreadable address" : host;
        } catch (IllegalArgumentException e) {
            return "an unreadable address";
        }
    }

    /**
     * The target as an editor sees it: {@code https://hooks.slack.com/services/T000/…}. E-mail addresses are shown
     * whole; a URL keeps its scheme, host, port and first path segment (two for Slack, whose second is the
     * workspace id), never its query.
     */
    public static String masked(String target) {
        if (target == null || !target.contains("://")) {
            return target;
        }
        try {
            URI uri = URI.create(target.strip());
            String[] segments = uri.getRawPath() == null ? new String[0]
                    : uri.getRawPath().replaceAll("^/+", "").split("/+");
            int keep = "hooks.slack.com".equalsIgnoreCase(uri.getHost()) ? 2 : 1;
            StringBuilder shown = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
            if (uri.getPort() >= 0) {
                shown.append(':').append(uri.getPort());
            }
            int shownSegments = Math.min(keep, Math.max(0, segments.length - 1));
            for (int i = 0; i < shownSegments; i++) {
                shown.append('/').append(segments[i]);
            }
            boolean hidden = segments.length > shownSegments && !segments[0].isEmpty() || uri.getRawQuery() != null;
            return hidden ? shown.append("/…").toString() : shown.toString();
        } catch (IllegalArgumentException e) {
            return "(unreadable address)";
        }
    }

    /**
     * An error fit to store, log and show: the target itself and any other URL are replaced by their host, and
     * the text is clipped. Callers build errors from hosts already; this is the net under every path that
     * might not (an exception's own message, errors stored by older versions).
     */
    public static String error(String error, String target) {
        if (error == null) {
            return null;
        }
        String text = error;
        if (target != null && !target.isBlank()) {
            text = text.replace(target, host(target));
        }
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(host(m.group())));
        }
        m.appendTail(out);
        String clean = out.toString();
        return clean.length() <= MAX_ERROR ? clean : clean.substring(0, MAX_ERROR - 1) + "…";
    }
}
