package dev.paperstream.priority.scoring;

import dev.paperstream.events.PaperType;

/**
 * What the seed rule needs, each value with the evidence that explains it. {@code citations} null
 * means unknown; {@code citationsNote} then says why.
 */
public record ScoringInputs(
        boolean hasCode, String codeEvidence,
        double monthsSincePublication,
        Integer citations, String citationsNote,
        PaperType paperType, String typeEvidence,
        int relevance, String relevanceEvidence) {

    public ScoringInputs {
        if (relevance < 1 || relevance > 5) {
            throw new IllegalArgumentException("relevance must be 1..5, was " + relevance);
        }
        if (citations != null && citations < 0) {
            throw new IllegalArgumentException("citations must not be negative, was " + citations);
        }
        if (monthsSincePublication < 0 || Double.isNaN(monthsSincePublication)) {
            throw new IllegalArgumentException("months since publication must not be negative");
        }
    }
}
