package dev.paperstream.priority.scoring;

/**
 * One factor of the rule: its name ({@code code}, {@code citations}, {@code type}, {@code relevance}),
 * the input it saw, the points it gave and the full reason line shown to people.
 */
public record Factor(String factor, String input, int points, String reason) {

    static Factor of(String factor, String input, int points) {
        return new Factor(factor, input, points, factor + ": " + input + ": +" + points);
    }
}
