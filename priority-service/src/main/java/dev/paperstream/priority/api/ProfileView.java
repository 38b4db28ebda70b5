package dev.paperstream.priority.api;

import dev.paperstream.priority.relevance.WeightedTerm;
import java.util.List;

/** A team's profile, its feedback so far and which relevance model is in charge. */
public record ProfileView(String team, List<String> categories, List<WeightedTerm> terms, List<String> seedPapers,
        boolean matchAll, Feedback feedback, String relevanceModel) {

    /** Votes so far; {@code withoutText} are votes on papers priority has not seen, not used for learning yet. */
    public record Feedback(long up, long down, long withoutText) {
    }
}
