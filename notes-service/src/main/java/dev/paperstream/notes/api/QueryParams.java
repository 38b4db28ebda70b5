package dev.paperstream.notes.api;

import dev.paperstream.support.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** Query and form parameters read the same way by the API and the web pages: bad values are a 400 that says why. */
public final class QueryParams {
    private QueryParams() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static int intParam(String name, String value, int fallback, int min, int max) {
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
