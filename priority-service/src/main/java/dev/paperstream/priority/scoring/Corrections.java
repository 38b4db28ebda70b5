package dev.paperstream.priority.scoring;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.classify.TypeDecision;
import dev.paperstream.priority.relevance.RelevanceDecision;
import dev.paperstream.priority.relevance.RelevanceModel;
import dev.paperstream.priority.store.CorrectionRepository.Correction;
import dev.paperstream.priority.store.CorrectionRepository.PaperCorrections;
import dev.paperstream.priority.teams.Team;

/**
 * A person's corrections in place of what the classifier or the relevance model derived. The reason line says
 * what was derived, who corrected it and why, e.g. "type: ARCHITECTURE (corrected from OPTIMIZATION by editor-1:
 * proposes a new layer): +2".
 */
final class Corrections {
    private Corrections() {
    }

    static PaperScorer.PaperFacts applyType(PaperScorer.PaperFacts facts, PaperCorrections c) {
        Correction<PaperType> type = c.type();
        if (type == null) {
            return facts;
        }
        return facts.withType(new TypeDecision(type.value(),
                "corrected from " + facts.type().type() + " by " + type.by() + ": " + type.reason()));
    }

    /** The team's relevance model, or the person's relevance where one corrected it for this team. */
    static RelevanceModel relevance(Team team, PaperCorrections c) {
        Correction<Integer> r = c.relevance().get(team.name());
        RelevanceModel derived = team.relevance();
        if (r == null) {
            return derived;
        }
        return (text, embedding) -> new RelevanceDecision(r.value(), "corrected from "
                + derived.rate(text, embedding).relevance()
                + " by " + r.by() + ": " + r.reason());
    }

    /**
     * Names the corrections that apply to the team's score: stored with it, so that a new correction stores and
     * publishes a new score even when its points are the same; null when none applies.
     */
    static String name(Team team, PaperCorrections c) {
        Correction<Integer> r = c.relevance().get(team.name());
        if (c.type() == null && r == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        if (c.type() != null) {
            s.append("type=").append(c.type().value()).append(" by ").append(c.type().by()).append(": ")
                    .append(c.type().reason());
        }
        if (r != null) {
            s.append(s.isEmpty() ? "" : "; ").append("relevance=").append(r.value()).append(" by ").append(r.by())
                    .append(": ").append(r.reason());
        }
        return s.toString();
    }
}
