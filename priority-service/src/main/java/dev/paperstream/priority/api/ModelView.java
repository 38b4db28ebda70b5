package dev.paperstream.priority.api;

import dev.paperstream.priority.relevance.LearnedRelevance;
import dev.paperstream.priority.relevance.WeightedTerm;
import dev.paperstream.priority.store.RelevanceModelHistoryRepository.Retraining;
import dev.paperstream.priority.teams.Team;
import java.util.List;

/**
 * A team's relevance model: {@code learned} false while the profile's terms are in charge; {@code usesEmbeddings}
 * true once it reads papers' embeddings beside their words; the terms that push a paper most toward a like and
 * toward a dislike (regression weights on TF-IDF features; empty until learned); and every retraining on new
 * examples with its held-out AUC on TF-IDF alone and with embeddings, oldest first.
 */
public record ModelView(String team, boolean learned, boolean usesEmbeddings, int examples,
        List<WeightedTerm> likedTerms,
        List<WeightedTerm> dislikedTerms, List<Retraining> history) {
    /** This many terms of each kind are listed. */
    public static final int TERMS = 15;

    static ModelView of(Team team, List<Retraining> history) {
        LearnedRelevance l = team.learned().orElse(null);
        return l == null
                ? new ModelView(team.name(), false, false, 0, List.of(), List.of(), history)
                : new ModelView(team.name(), true, l.usesEmbeddings(), l.votes(), l.strongestTerms(TERMS, true),
                        l.strongestTerms(TERMS, false), history);
    }
}
