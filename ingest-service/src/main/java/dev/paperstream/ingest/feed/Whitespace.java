package dev.paperstream.ingest.feed;

/**
 * Feeds wrap titles and abstracts at fixed columns; the events carry them as single-spaced text.
 * Control characters (C0 other than the whitespace ones, which become spaces) are dropped: no real
 * record has them, PostgreSQL refuses NUL in text, and XML 1.0 forbids them, so a record that
 * carries one (an escaped NUL in JSON, an XML 1.1 character reference) is kept with them removed.
 */
public final class Whitespace {
    private Whitespace() {
    }

    /** Collapses runs of whitespace to one space, drops control characters and trims; null stays null. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        // most text is already single-spaced, and a bulk import normalises millions of strings
        if (isNormal(text)) {
            return text;
        }
        // a char array, not a StringBuilder: appending char by char costs a tenth of a bulk import's CPU
        char[] out = new char[text.length()];
        int length = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (isSpace(ch)) {
                pendingSpace = length > 0;
            } else if (ch >= ' ') {
                if (pendingSpace) {
                    out[length++] = ' ';
                    pendingSpace = false;
                }
                out[length++] = ch;
            }
        }
        return new String(out, 0, length);
    }

    /** Normalized, and null when nothing is left. */
    public static String normalizeToNull(String text) {
        String n = normalize(text);
        return n == null || n.isEmpty() ? null : n;
    }

    private static boolean isNormal(String text) {
        int last = text.length() - 1;
        if (last < 0) {
            return true;
        }
        if (text.charAt(0) <= ' ' || text.charAt(last) <= ' ') {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char ch = text.charAt(i);
            // one comparison for the common case; every space and control character is at or below ' '
            if (ch <= ' ' && (ch != ' ' || text.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    // the same characters as the \s of java.util.regex
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }
}
