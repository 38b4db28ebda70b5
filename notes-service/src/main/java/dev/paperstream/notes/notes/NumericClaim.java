package dev.paperstream.notes.notes;

/**
 * A number a paper claims about itself: {@code 3x faster}, {@code 10x less memory}, {@code 95.1% accuracy}.
 * {@code kind} is SPEEDUP, MEMORY, ACCURACY or OTHER; {@code context} is the sentence it came from.
 */
public record NumericClaim(String kind, double value, String unit, String quantity, String phrase, String context) {
    public static final String SPEEDUP = "SPEEDUP";
    public static final String MEMORY = "MEMORY";
    public static final String ACCURACY = "ACCURACY";
    public static final String OTHER = "OTHER";

    /** {@code 3x faster (We are 3x faster than ...)}: for notes and the checklist. */
    public String describe() {
        return phrase + " — " + context;
    }
}
