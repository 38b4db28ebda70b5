package dev.paperstream.priority.scoring;

import dev.paperstream.events.PaperScored;
import dev.paperstream.priority.citations.CitationCount;
import dev.paperstream.priority.citations.CitationsLookup;
import dev.paperstream.priority.classify.PaperTypes;
import dev.paperstream.priority.store.ScoreRepository;
import dev.paperstream.priority.teams.Team;
import dev.paperstream.priority.teams.TeamDirectory;
import dev.paperstream.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Scores one paper version for every matching team, stores each score and publishes paper.scored
 * through the outbox only when the score is new or changed.
 */
@ApplicationScoped
public class TeamScoring {
    private final TeamDirectory teams;
    private final CitationsLookup citations;
    private final ScoreRepository scores;
    private final Outbox outbox;
    private final PaperScorer scorer;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public TeamScoring(TeamDirectory teams, CitationsLookup citations, ScoreRepository scores, Outbox outbox,
            PaperTypes types, MeterRegistry metrics) {
        this.scorer = new PaperScorer(types.classifier());
        this.metrics = metrics;
        this.teams = teams;
        this.citations = citations;
        this.scores = scores;
        this.outbox = outbox;
    }

    /** Returns how many paper.scored events it published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int scoreForAllTeams(String id, int version, PaperText paper) {
        Instant now = clock.instant();
        CitationCount cites = citations.cached(id);
        int published = 0;
        for (Team team : teams.teamsFor(paper)) {
            Scoring s = scorer.score(paper, team.relevance(), cites, Overrides.NONE, now);
            if (scores.record(id, version, team.name(), s, now)) {
                outbox.add(id, new PaperScored(id, version, team.name(), s.score(), s.priority(), s.paperType(),
                        s.relevance(), s.hasCode(), s.citations(), s.monthsSincePublication(), s.reasons(), now));
                published++;
                metrics.counter("paperstream.priority.published", "team", team.name(), "priority",
                        s.priority().name()).increment();
            }
        }
        return published;
    }

    /** Scores without storing anything, for the explain endpoint. */
    public Scoring explain(PaperText paper, Team team, Overrides overrides) {
        return scorer.score(paper, team.relevance(), CitationCount.unknown("not looked up for an explained paper"),
                overrides, clock.instant());
    }
}
