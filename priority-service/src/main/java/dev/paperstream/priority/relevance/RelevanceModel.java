package dev.paperstream.priority.relevance;

import dev.paperstream.priority.text.TokenizedText;

/** Rates how relevant a paper (title and abstract) is to one team, 1..5. */
public interface RelevanceModel {
    RelevanceDecision rate(TokenizedText titleAndAbstract);
}
