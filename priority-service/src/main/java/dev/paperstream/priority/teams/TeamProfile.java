package dev.paperstream.priority.teams;

import dev.paperstream.priority.relevance.WeightedTerm;
import dev.paperstream.priority.store.TeamProfileEntity;
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

    public static TeamProfile of(TeamProfileEntity stored) {
        return new TeamProfile(stored.team, stored.categories, stored.terms, stored.seedPapers, stored.matchAll);
    }

    public TeamProfileEntity toEntity() {
        TeamProfileEntity e = new TeamProfileEntity();
        e.team = team;
        e.categories = categories;
        e.terms = terms;
        e.seedPapers = seedPapers;
        e.matchAll = matchAll;
        return e;
    }
}
