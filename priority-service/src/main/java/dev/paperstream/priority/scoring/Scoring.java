package dev.paperstream.priority.scoring;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import java.util.List;

/** A paper's score under the rule, the values it used, and every factor's contribution. */
public record Scoring(
        Priority priority,
        int score,
        PaperType paperType,
        int relevance,
        boolean hasCode,
        Integer citations,
        double monthsSincePublication,
        List<Factor> factors) {

    public Scoring {
        factors = List.copyOf(factors);
    }

    /** The same score with a note beside the factors (it gives no points), e.g. that the paper repeats another. */
    public Scoring withNote(Factor note) {
        List<Factor> all = new java.util.ArrayList<>(factors);
        all.add(note);
        return new Scoring(priority, score, paperType, relevance, hasCode, citations, monthsSincePublication, all);
    }

    /** One line per factor, as paper.scored carries them. */
    public List<String> reasons() {
        return factors.stream().map(Factor::reason).toList();
    }
}
