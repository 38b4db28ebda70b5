package dev.paperstream.priority.api;

import dev.paperstream.priority.relevance.WeightedTerm;
import java.util.List;

/** A team's profile, its feedback so far and which relevance model is in charge. */
public record ProfileView(String team, List<String> categories, List<WeightedTerm> terms, List<String> seedPapers,
        boolean matchAll, Feedback feedback, String relevanceModel) {

    /**
     * People's votes so far ({@code down} without the {@code notRelevant} ones); {@code withoutText}: papers the
     * team voted on that priority has not seen, not used for learning yet.
     */
    public record Feedback(long up, long down, long notRelevant, long withoutText) {
    }
}
