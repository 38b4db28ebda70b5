package dev.paperstream.priority.relevance;

import dev.paperstream.priority.text.TermMatcher;
import dev.paperstream.priority.text.TokenizedText;
import java.util.Collection;
import java.util.List;

/** The cold-start relevance: 1 + the number of distinct keywords found, at most 5. */
public final class KeywordRelevance implements RelevanceModel {
    private final TermMatcher keywords;

    public KeywordRelevance(Collection<String> keywords) {
        this.keywords = TermMatcher.of(keywords);
    }

    @Override
    public RelevanceDecision rate(TokenizedText titleAndAbstract) {
        List<String> found = keywords.matches(titleAndAbstract);
        int relevance = Math.min(5, 1 + found.size());
        return new RelevanceDecision(relevance, found.isEmpty() ? "no keyword matched"
                : "matched: " + String.join(", ", found));
    }
}
