package dev.paperstream.priority.rescoring;

import dev.paperstream.priority.citations.CitationsLookup;
import dev.paperstream.priority.scoring.PaperScorer;
import dev.paperstream.priority.scoring.TeamScoring;
import dev.paperstream.priority.semantic.PapersEmbedded;
import dev.paperstream.priority.teams.Team;
import dev.paperstream.priority.teams.TeamDirectory;
import dev.paperstream.priority.store.PaperRepository;
import dev.paperstream.priority.store.PaperRepository.StoredPaper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-scores papers younger than six months, when citations and code links may still change what the
 * rule gives them. Citations are fetched in the provider's batches first; a new paper.scored goes out
 * only where the score or priority changed, and every change lands in the score history.
 */
@ApplicationScoped
public class Rescoring {
    private static final Logger LOG = Logger.getLogger(Rescoring.class);
    private static final int BATCH = 500;
    private static final Duration SIX_MONTHS = Duration.ofMinutes(Math.round(6 * PaperScorer.DAYS_PER_MONTH * 24 * 60));

    private final PaperRepository papers;
    private final CitationsLookup citations;
    private final TeamScoring scoring;
    private final TeamDirectory teams;

    public Rescoring(PaperRepository papers, CitationsLookup citations, TeamScoring scoring, TeamDirectory teams) {
        this.teams = teams;
        this.papers = papers;
        this.citations = citations;
        this.scoring = scoring;
    }

    /** What one pass did. */
    public record Pass(int papers, int published) {
    }

    @Scheduled(every = "${paperstream.rescoring.interval:1h}", delayed = "${paperstream.rescoring.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Pass pass = rescoreYoungPapers();
        LOG.infof("re-scored %d papers younger than 6 months, %d new scores published", pass.papers(), pass.published());
    }

    /**
     * Scores one paper again now, whatever its age, in the caller's transaction (after a vote retrained its team's
     * model, or a person corrected it); answers how many new scores were published, 0 for an unknown paper.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rescorePaper(String id) {
        return papers.current(id).map(p -> scoring.scoreAll(List.of(new TeamScoring.PaperVersion(p.id(), p.version(),
                p.text())))).orElse(0);
    }

    /**
     * Once papers are embedded: a team's model trained on one of them is retrained, then the papers are scored
     * again for the teams whose models read embeddings, and a near-duplicate for every team (its score names the
     * other paper). Scoring stores and publishes only what changed, so a second delivery of the same embeddings
     * publishes nothing; the first score never waits for this (papers are embedded after it).
     */
    void onEmbedded(@Observes PapersEmbedded embedded) {
        long start = System.nanoTime();
        if (teams.trainsOnAny(embedded.paperIds())) {
            teams.reload();
        }
        boolean anyReadsEmbeddings = teams.anyUsesEmbeddings();
        if (!anyReadsEmbeddings && embedded.duplicates().isEmpty()) {
            return;
        }
        int published = QuarkusTransaction.requiringNew().call(() -> {
            List<TeamScoring.PaperVersion> duplicates = new ArrayList<>();
            List<TeamScoring.PaperVersion> others = new ArrayList<>();
            for (StoredPaper p : papers.currentAll(embedded.paperIds())) {
                (embedded.duplicates().contains(p.id()) ? duplicates : others)
                        .add(new TeamScoring.PaperVersion(p.id(), p.version(), p.text()));
            }
            return scoring.scoreAll(duplicates)
                    + (anyReadsEmbeddings ? scoring.scoreAll(others, Team::usesEmbeddings) : 0);
        });
        LOG.debugf("re-scored %d embedded papers in %d ms, %d new scores published", embedded.paperIds().size(),
                (System.nanoTime() - start) / 1_000_000, published);
    }

    public synchronized Pass rescoreYoungPapers() {
        Instant since = Instant.now().minus(SIX_MONTHS);
        String after = "";
        int seen = 0;
        int published = 0;
        while (true) {
            List<StoredPaper> batch = papers.publishedAfter(since, after, BATCH);
            if (batch.isEmpty()) {
                return new Pass(seen, published);
            }
            citations.refresh(batch.stream().map(StoredPaper::id).toList());
            published += QuarkusTransaction.requiringNew().call(() -> scoring.scoreAll(batch.stream()
                    .map(p -> new TeamScoring.PaperVersion(p.id(), p.version(), p.text())).toList()));
            seen += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
    }
}
