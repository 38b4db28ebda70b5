package dev.paperstream.events;

/** Null checks of required fields, so that a payload with {@code "title": null} fails as clearly as one without it. */
final class Required {
    private Required() {
    }

    static void check(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("required field '" + field + "' is missing or null");
        }
    }
}
