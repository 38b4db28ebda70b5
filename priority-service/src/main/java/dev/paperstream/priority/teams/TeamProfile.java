package dev.paperstream.priority.teams;

import java.util.List;

/**
 * A team's interests: the categories and weighted terms that make a paper match the team (or every
 * paper when {@code matchAll}), and seed papers that count as liked when the relevance model learns.
 */
public record TeamProfile(String team, List<String> categories, List<WeightedTerm> terms, List<String> seedPapers,
        boolean matchAll) {

    public TeamProfile {
        categories = List.copyOf(categories);
        terms = List.copyOf(terms);
        seedPapers = List.copyOf(seedPapers);
    }
}
