package dev.paperstream.priority.relevance;

import dev.paperstream.priority.text.TermMatcher;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cold-start relevance from a team profile: 1 + the sum of the weights of the distinct terms
 * found, rounded and kept within 1..5. With every weight 1 this is the seed's keyword count.
 */
public final class ProfileRelevance implements RelevanceModel {
    private final TermMatcher matcher;
    private final Map<String, Double> weights = new HashMap<>();

    public ProfileRelevance(List<WeightedTerm> terms) {
        List<String> labels = new ArrayList<>();
        for (WeightedTerm t : terms) {
            labels.add(t.term().trim());
            weights.put(t.term().trim(), t.weight());
        }
        this.matcher = TermMatcher.of(labels);
    }

    @Override
    public RelevanceDecision rate(TokenizedText titleAndAbstract, Optional<float[]> embedding) {
        List<String> found = matcher.matches(titleAndAbstract);
        double sum = 0;
        List<String> shown = new ArrayList<>(found.size());
        for (String term : found) {
            double w = weights.get(term);
            sum += w;
            shown.add(w == 1.0 ? term : term + " (" + (w > 0 ? "+" : "") + w + ")");
        }
        int relevance = (int) Math.max(1, Math.min(5, Math.round(1 + sum)));
        return new RelevanceDecision(relevance, found.isEmpty() ? "no profile term matched"
                : "matched: " + String.join(", ", shown));
    }

    /** True when a term with a positive weight occurs: the paper is of interest to the team. */
    public boolean interested(TokenizedText titleAndAbstract) {
        for (String term : matcher.matches(titleAndAbstract)) {
            if (weights.get(term) > 0) {
                return true;
            }
        }
        return false;
    }
}
