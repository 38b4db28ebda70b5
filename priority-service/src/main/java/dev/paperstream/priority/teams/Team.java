package dev.paperstream.priority.teams;

import dev.paperstream.priority.relevance.LearnedRelevance;
import dev.paperstream.priority.relevance.ProfileRelevance;
import dev.paperstream.priority.relevance.RelevanceModel;
import dev.paperstream.priority.text.PaperText;
import dev.paperstream.priority.text.TokenizedText;
import java.util.Optional;

/**
 * A team papers are scored for: its profile decides which papers match; relevance comes from the
 * model learned from its votes once there are enough, from the profile's terms until then.
 */
public record Team(TeamProfile profile, ProfileRelevance profileRelevance, Optional<LearnedRelevance> learned) {

    public static Team of(TeamProfile profile, Optional<LearnedRelevance> learned) {
        return new Team(profile, new ProfileRelevance(profile.terms()), learned);
    }

    public String name() {
        return profile.team();
    }

    public RelevanceModel relevance() {
        return learned.<RelevanceModel>map(l -> l).orElse(profileRelevance);
    }

    /** Whether the team's learned model reads papers' embeddings beside their words. */
    public boolean usesEmbeddings() {
        return learned.map(LearnedRelevance::usesEmbeddings).orElse(false);
    }

    public boolean matches(PaperText paper, TokenizedText titleAndAbstract) {
        return profile.matchAll() || ArxivCategories.anyMatch(profile.categories(), paper.categories())
                || profileRelevance.interested(titleAndAbstract);
    }
}
