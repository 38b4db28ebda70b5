package dev.paperstream.priority.teams;

import dev.paperstream.priority.relevance.HeldOutAuc;
import dev.paperstream.priority.relevance.LearnedRelevance;
import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import dev.paperstream.priority.relevance.WeightedTerm;
import dev.paperstream.priority.text.PaperText;
import dev.paperstream.priority.store.EmbeddingRepository;
import dev.paperstream.priority.store.FeedbackRepository;
import dev.paperstream.priority.store.FeedbackRepository.Vote;
import dev.paperstream.priority.store.RelevanceModelHistoryRepository;
import dev.paperstream.priority.store.TeamRepository;
import dev.paperstream.priority.text.TokenizedText;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The teams papers are scored for, held in memory and rebuilt from the database at start, after
 * every edit and vote here, and on a schedule (edits made through another instance). The default
 * team exists even without a stored profile: it matches every paper and rates relevance by the
 * configured keywords.
 */
@ApplicationScoped
public class TeamDirectory {
    private final TeamsConfig config;
    private final TeamRepository profiles;
    private final FeedbackRepository feedback;
    private final RelevanceModelHistoryRepository modelHistory;
    private final EmbeddingRepository embeddings;
    private volatile Map<String, Team> teams = Map.of();
    private volatile Set<String> trainingPapers = Set.of();

    public TeamDirectory(TeamsConfig config, TeamRepository profiles, FeedbackRepository feedback,
            RelevanceModelHistoryRepository modelHistory, EmbeddingRepository embeddings) {
        this.config = config;
        this.embeddings = embeddings;
        this.modelHistory = modelHistory;
        this.profiles = profiles;
        this.feedback = feedback;
    }

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(every = "${paperstream.teams.reload-interval:60s}", delayed = "60s")
    @Transactional
    public synchronized void reload() {
        Map<String, Team> next = new LinkedHashMap<>();
        Set<String> examples = new HashSet<>();
        next.put(config.defaultTeam(), Team.of(defaultProfile(), learn(config.defaultTeam(), List.of(), examples)));
        for (TeamProfile p : profiles.all().stream().map(TeamProfile::of).toList()) {
            next.put(p.team(), Team.of(p, learn(p.team(), p.seedPapers(), examples)));
        }
        teams = Map.copyOf(next);
        trainingPapers = Set.copyOf(examples);
    }

    /** Whether some team's learned model reads embeddings (else scoring need not look them up). */
    public boolean anyUsesEmbeddings() {
        return teams.values().stream().anyMatch(Team::usesEmbeddings);
    }

    /**
     * Whether one of {@code paperIds} is a training example of some team (voted on, or a seed paper with known
     * text): its new embedding changes that team's model.
     */
    public boolean trainsOnAny(List<String> paperIds) {
        Set<String> examples = trainingPapers;
        return paperIds.stream().anyMatch(examples::contains);
    }

    /** The teams whose profile matches the paper; {@code titleAndAbstract} is the paper's, tokenized. */
    public List<Team> teamsFor(PaperText paper, TokenizedText titleAndAbstract) {
        List<Team> out = new ArrayList<>();
        for (Team t : teams.values()) {
            if (t.matches(paper, titleAndAbstract)) {
                out.add(t);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    public Optional<Team> team(String name) {
        return Optional.ofNullable(teams.get(name));
    }

    public Team defaultTeam() {
        return teams.get(config.defaultTeam());
    }

    public TeamProfile defaultProfile() {
        return new TeamProfile(config.defaultTeam(), List.of(),
                config.defaultKeywords().stream().map(k -> new WeightedTerm(k.trim(), 1.0)).toList(), List.of(), true);
    }

    /**
     * A team's training examples, and a name for the set (a digest of "+id -id ...", "~" marking an example with
     * an embedding): the same votes and embeddings, the same name.
     */
    private record Training(List<Example> examples, String fingerprint) {
    }

    /**
     * The training examples of a team: its votes and its seed papers (as likes) whose text is known, each with
     * its paper's embedding where it has one (read for the whole set in one query).
     */
    private Training training(String team, List<String> seedPapers, Set<String> examples) {
        List<Vote> labelled = new ArrayList<>();
        Set<String> voted = new HashSet<>();
        for (Vote v : feedback.votes(team)) {
            voted.add(v.paperId());
            if (v.hasText()) {
                labelled.add(v);
            }
        }
        for (Vote seed : feedback.seedTexts(seedPapers)) {
            if (!voted.contains(seed.paperId())) {
                labelled.add(seed);
            }
        }
        Map<String, float[]> meaning = embeddings.embeddings(labelled.stream().map(Vote::paperId).toList());
        List<Example> out = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder();
        for (Vote v : labelled) {
            boolean liked = !voted.contains(v.paperId()) || v.liked();
            float[] embedding = meaning.get(v.paperId());
            out.add(new Example(TokenizedText.of(v.title(), v.abstractText()), liked, embedding));
            fingerprint.append(liked ? " +" : " -").append(v.paperId()).append(embedding == null ? "" : "~");
            examples.add(v.paperId());
        }
        return new Training(out, UUID.nameUUIDFromBytes(
                fingerprint.toString().getBytes(StandardCharsets.UTF_8)).toString());
    }

    /**
     * Trains the team's model; when the examples (or which of them have embeddings) differ from those of the last
     * recorded training, also measures its held-out AUC on TF-IDF alone and, once an example has an embedding, with
     * the embeddings, on the same folds, and records both (reloads of the same votes, every minute, record nothing).
     */
    private Optional<LearnedRelevance> learn(String team, List<String> seedPapers, Set<String> examples) {
        Training t = training(team, seedPapers, examples);
        Optional<LearnedRelevance> learned = LearnedRelevance.train(t.examples());
        if (learned.isPresent() && !modelHistory.latestFingerprint(team).filter(t.fingerprint()::equals).isPresent()) {
            int liked = (int) t.examples().stream().filter(Example::liked).count();
            int embedded = (int) t.examples().stream().filter(e -> e.embedding() != null).count();
            Optional<HeldOutAuc.Result> words = HeldOutAuc.wordsOnly(t.examples());
            Optional<HeldOutAuc.Result> withMeaning = embedded == 0 ? Optional.empty() : HeldOutAuc.of(t.examples());
            modelHistory.record(team, new RelevanceModelHistoryRepository.Measured(liked, t.examples().size() - liked,
                    embedded, words.map(HeldOutAuc.Result::auc).orElse(null),
                    withMeaning.map(HeldOutAuc.Result::auc).orElse(null), words.map(HeldOutAuc.Result::folds).orElse(0)),
                    t.fingerprint());
        }
        return learned;
    }
}
