package dev.paperstream.priority.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.PaperScored;
import dev.paperstream.priority.citations.CitationCount;
import dev.paperstream.priority.citations.CitationsLookup;
import dev.paperstream.priority.classify.PaperTypes;
import dev.paperstream.priority.relevance.RelevanceModel;
import dev.paperstream.priority.store.CorrectionRepository;
import dev.paperstream.priority.store.CorrectionRepository.PaperCorrections;
import dev.paperstream.priority.store.DuplicateRepository;
import dev.paperstream.priority.store.DuplicateRepository.Duplicate;
import dev.paperstream.priority.store.EmbeddingRepository;
import dev.paperstream.priority.store.ScoreRepository;
import dev.paperstream.priority.store.ScoreRepository.ScoreKey;
import dev.paperstream.priority.store.ScoreRepository.ScoreRow;
import dev.paperstream.priority.teams.Team;
import dev.paperstream.priority.teams.TeamDirectory;
import dev.paperstream.priority.text.PaperText;
import dev.paperstream.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores paper versions for every matching team, stores each score and publishes paper.scored
 * through the outbox only when the score is new or changed.
 */
@ApplicationScoped
public class TeamScoring {
    private final TeamDirectory teams;
    private final CitationsLookup citations;
    private final CorrectionRepository corrections;
    private final EmbeddingRepository embeddings;
    private final DuplicateRepository duplicates;
    private final ScoreRepository scores;
    private final Outbox outbox;
    private final PaperScorer scorer;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public TeamScoring(TeamDirectory teams, CitationsLookup citations, ScoreRepository scores, Outbox outbox,
            PaperTypes types, MeterRegistry metrics, ObjectMapper json, CorrectionRepository corrections,
            EmbeddingRepository embeddings, DuplicateRepository duplicates) {
        this.corrections = corrections;
        this.embeddings = embeddings;
        this.duplicates = duplicates;
        this.scorer = new PaperScorer(types.classifier());
        this.metrics = metrics;
        this.json = json;
        this.teams = teams;
        this.citations = citations;
        this.scores = scores;
        this.outbox = outbox;
    }

    /** A paper version to score. */
    public record PaperVersion(String id, int version, PaperText text) {
    }

    /**
     * A score computed for a paper version and a team; {@code correction} names the corrections applied,
     * {@code duplicateOf} the paper it repeats.
     */
    private record NewScore(String paperId, int version, String team, Scoring scoring, String correction,
            String duplicateOf) {
    }

    /** Returns how many paper.scored events it published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int scoreForAllTeams(String id, int version, PaperText paper) {
        return scoreAll(List.of(new PaperVersion(id, version, paper)));
    }

    /**
     * Scores each paper version (each paper at most once) for every matching team, stores the scores with
     * one statement and publishes the new or changed ones through the outbox as one bundle; returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int scoreAll(List<PaperVersion> papers) {
        return scoreAll(papers, team -> true);
    }

    /**
     * Like {@link #scoreAll(List)}, for the matching teams that {@code forTeams} accepts only (after an embedding
     * arrived: the teams whose models read embeddings). The embeddings are read in one query, and only while some
     * team's model reads them; a first score finds none, since papers are embedded after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int scoreAll(List<PaperVersion> papers, Predicate<Team> forTeams) {
        Instant now = clock.instant();
        List<NewScore> computed = new ArrayList<>();
        List<String> ids = papers.stream().map(PaperVersion::id).toList();
        Map<String, PaperCorrections> corrected = corrections.forPapers(ids);
        Map<String, float[]> meaning = teams.anyUsesEmbeddings() ? embeddings.embeddings(ids) : Map.of();
        Map<String, Duplicate> repeated = duplicates.forPapers(ids);
        for (PaperVersion p : papers) {
            CitationCount cites = citations.cached(p.id());
            PaperScorer.PaperFacts facts = scorer.facts(p.text()).withEmbedding(meaning.get(p.id()));
            PaperCorrections c = corrected.get(p.id());
            if (c != null) {
                facts = Corrections.applyType(facts, c);
            }
            Duplicate d = repeated.get(p.id());
            for (Team team : teams.teamsFor(p.text(), facts.titleAndAbstract())) {
                if (!forTeams.test(team)) {
                    continue;
                }
                RelevanceModel relevance = c == null ? team.relevance() : Corrections.relevance(team, c);
                Scoring scoring = scorer.score(facts, relevance, cites, now);
                computed.add(new NewScore(p.id(), p.version(), team.name(),
                        d == null ? scoring : scoring.withNote(DuplicateNote.of(d)),
                        c == null ? null : Corrections.name(team, c), d == null ? null : d.duplicateOf()));
            }
        }
        Set<ScoreKey> stored = scores.recordAll(computed.stream().map(this::row).toList(), now);
        List<Outbox.Written> events = new ArrayList<>(stored.size());
        for (NewScore n : computed) {
            if (!stored.contains(new ScoreKey(n.paperId(), n.team()))) {
                continue;
            }
            Scoring s = n.scoring();
            events.add(Outbox.Written.of(n.paperId(), new PaperScored(n.paperId(), n.version(), n.team(), s.score(),
                    s.priority(), s.paperType(), s.relevance(), s.hasCode(), s.citations(),
                    s.monthsSincePublication(), s.reasons(), now)));
            metrics.counter("paperstream.priority.published", "team", n.team(), "priority", s.priority().name())
                    .increment();
        }
        outbox.addAllWritten(events);
        return stored.size();
    }

    private ScoreRow row(NewScore n) {
        Scoring s = n.scoring();
        try {
            return new ScoreRow(n.paperId(), n.version(), n.team(), s.score(), s.priority().name(),
                    s.paperType().name(), s.relevance(), s.hasCode(), s.citations(), s.monthsSincePublication(),
                    json.writeValueAsString(s.factors()), n.correction(), n.duplicateOf());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write factors as JSON", e);
        }
    }

    /** Scores without storing anything, for the explain endpoint. */
    public Scoring explain(PaperText paper, Team team, Overrides overrides) {
        return scorer.score(paper, team.relevance(), CitationCount.unknown("not looked up for an explained paper"),
                overrides, clock.instant());
    }
}
