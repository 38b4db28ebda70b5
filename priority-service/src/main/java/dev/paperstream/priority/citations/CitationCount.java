package dev.paperstream.priority.citations;

/** A citation count and where it came from; {@code count} null means unknown and {@code note} says why. */
public record CitationCount(Integer count, String note) {

    public static CitationCount unknown(String why) {
        return new CitationCount(null, why);
    }

    public boolean known() {
        return count != null;
    }
}
