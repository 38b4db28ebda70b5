package dev.paperstream.notes.api;

import dev.paperstream.support.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** Query and form parameters read the same way by the API and the web pages: bad values are a 400 that says why. */
public final class QueryParams {
    /** The deepest row any list serves: paging past it costs the database a scan of every row before. */
    public static final int MAX_OFFSET = 10_000;
    /** The most rows one page of any list holds. */
    public static final int MAX_LIMIT = 500;

    private QueryParams() {
    }

    /** {@code offset}: 0 to {@link #MAX_OFFSET}, default 0. */
    public static int offset(String value) {
        return intParam("offset", value, 0, 0, MAX_OFFSET);
    }

    /** {@code limit}: 1 to {@link #MAX_LIMIT}, default {@code fallback}. */
    public static int limit(String value, int fallback) {
        return intParam("limit", value, fallback, 1, MAX_LIMIT);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int intParam(String name, String value, int fallback, int min, int max) {
        String v = blankToNull(value);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        throw ProblemException.badRequest(name + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }

    public static <E extends Enum<E>> E enumParam(Class<E> type, String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", got '" + v + "'");
        }
    }
}
