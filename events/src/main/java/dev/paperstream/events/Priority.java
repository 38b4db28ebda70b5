package dev.paperstream.events;

public enum Priority {
    HIGH, MEDIUM, LOW;

    /** The seed rule's thresholds: HIGH at 7 or more, MEDIUM at 4 or more. */
    public static Priority ofScore(int score) {
        return score >= 7 ? HIGH : score >= 4 ? MEDIUM : LOW;
    }

    public boolean isAtLeast(Priority other) {
        return ordinal() <= other.ordinal();
    }
}
