package dev.paperstream.priority.relevance;

import dev.paperstream.priority.text.TokenizedText;
import java.util.Optional;

/** Rates how relevant a paper (title and abstract, and its embedding once it has one) is to one team, 1..5. */
public interface RelevanceModel {
    RelevanceDecision rate(TokenizedText titleAndAbstract, Optional<float[]> embedding);

    /** Rates a paper that has no embedding (yet). */
    default RelevanceDecision rate(TokenizedText titleAndAbstract) {
        return rate(titleAndAbstract, Optional.empty());
    }
}
