package dev.paperstream.priority.bench;

import dev.paperstream.priority.bench.RealRecords.Paper;
import dev.paperstream.priority.relevance.Auc;
import dev.paperstream.priority.relevance.EmbeddingFeatures;
import dev.paperstream.priority.relevance.HeldOutAuc;
import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import dev.paperstream.priority.relevance.LogisticRegression;
import dev.paperstream.priority.relevance.TfIdf;
import dev.paperstream.priority.relevance.TfIdf.SparseVector;
import dev.paperstream.priority.semantic.PaperEmbedder;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Offline evaluation of embeddings as relevance features, on the real arXiv records of ../shared/realdata
 * (never on texts the project wrote). Labels come from the records' metadata, not their text: a simulated
 * team likes a paper when the paper's primary category is among the team's categories. Out-of-fold
 * predictions of k-fold cross-validation (TF-IDF fitted on the training folds only) give one held-out AUC per
 * team for (a) today's TF-IDF + logistic regression, (b) TF-IDF + embedding features, (c) embedding alone;
 * and the accuracy of a one-vs-rest classifier of the subject group (the stand-in for the paper-type
 * classifier: the real records carry no paper-type labels). It also measures the team model itself as the service
 * does when it retrains ({@code LearnedRelevance} with the embeddings appended, {@code HeldOutAuc}'s stratified
 * folds in record order), TF-IDF alone and with embeddings. Run with the command in the module's README.
 */
public final class SemanticEvaluation {
    /** The simulated teams: each likes the papers whose primary category starts with one of its prefixes. */
    static final Map<String, List<String>> TEAMS = Map.of(
            "computer science", List.of("cs."),
            "mathematics", List.of("math."),
            "condensed matter", List.of("cond-mat."),
            "high-energy physics and gravity", List.of("hep-", "gr-qc"),
            "physics (general, optics, ...)", List.of("physics."));

    /**
     * One simulated team's held-out AUCs: (a)-(c) on shuffled 5-fold CV; {@code serviceWords} and
     * {@code serviceWordsAndMeaning} as the service records them when it retrains the team's model
     * ({@link HeldOutAuc#wordsOnly} and {@link HeldOutAuc#of} on the team's examples with their embeddings).
     */
    public record TeamAuc(String team, int liked, int papers, double words, double wordsAndMeaning, double meaning,
            double serviceWords, double serviceWordsAndMeaning) {
    }

    public record Result(int papers, List<TeamAuc> teams, int classified, double accuracyWords,
            double accuracyWordsAndMeaning, double accuracyMeaning, long embedMillis) {
        public double meanAuc(java.util.function.ToDoubleFunction<TeamAuc> which) {
            return teams.stream().mapToDouble(which).average().orElseThrow();
        }
    }

    private enum Features { WORDS, WORDS_AND_MEANING, MEANING }

    public static Result run(RealRecords records, int folds, long seed) {
        List<Paper> papers = records.papers();
        List<TokenizedText> docs = papers.stream().map(p -> TokenizedText.of(p.title(), p.abstractText())).toList();
        long t0 = System.nanoTime();
        List<float[]> embeddings = PaperEmbedder.embedAll(
                papers.stream().map(p -> PaperEmbedder.text(p.title(), p.abstractText())).toList());
        long embedMillis = (System.nanoTime() - t0) / 1_000_000;
        int[] fold = folds(papers.size(), folds, seed);

        List<TeamAuc> teams = new ArrayList<>();
        for (var team : TEAMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            List<Boolean> liked = papers.stream().map(p -> inTeam(p, team.getValue())).toList();
            double[] aucs = new double[3];
            for (Features f : Features.values()) {
                aucs[f.ordinal()] = Auc.of(outOfFold(docs, embeddings, liked, fold, folds, f), liked);
            }
            List<Example> examples = new ArrayList<>();
            for (int i = 0; i < papers.size(); i++) {
                examples.add(new Example(docs.get(i), liked.get(i), embeddings.get(i)));
            }
            teams.add(new TeamAuc(team.getKey(), (int) liked.stream().filter(b -> b).count(), papers.size(),
                    aucs[0], aucs[1], aucs[2], HeldOutAuc.wordsOnly(examples).orElseThrow().auc(),
                    HeldOutAuc.of(examples).orElseThrow().auc()));
        }

        // subject groups: the teams' categories; papers of no team are left out of the classifier
        List<String> groups = TEAMS.keySet().stream().sorted().toList();
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            if (group(papers.get(i), groups) >= 0) {
                members.add(i);
            }
        }
        double[] accuracy = new double[3];
        for (Features f : Features.values()) {
            double[][] scores = new double[groups.size()][];
            for (int g = 0; g < groups.size(); g++) {
                List<String> prefixes = TEAMS.get(groups.get(g));
                List<Boolean> isG = members.stream().map(i -> inTeam(papers.get(i), prefixes)).toList();
                scores[g] = outOfFold(members.stream().map(docs::get).toList(),
                        members.stream().map(embeddings::get).toList(), isG,
                        members.stream().mapToInt(i -> fold[i]).toArray(), folds, f).stream()
                        .mapToDouble(Double::doubleValue).toArray();
            }
            int right = 0;
            for (int m = 0; m < members.size(); m++) {
                int best = 0;
                for (int g = 1; g < groups.size(); g++) {
                    if (scores[g][m] > scores[best][m]) {
                        best = g;
                    }
                }
                right += best == group(papers.get(members.get(m)), groups) ? 1 : 0;
            }
            accuracy[f.ordinal()] = right / (double) members.size();
        }
        return new Result(papers.size(), teams, members.size(), accuracy[0], accuracy[1], accuracy[2], embedMillis);
    }

    private static boolean inTeam(Paper p, List<String> prefixes) {
        return prefixes.stream().anyMatch(p.primaryCategory()::startsWith);
    }

    private static int group(Paper p, List<String> groups) {
        for (int g = 0; g < groups.size(); g++) {
            if (inTeam(p, TEAMS.get(groups.get(g)))) {
                return g;
            }
        }
        return -1;
    }

    private static int[] folds(int n, int k, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int pos = 0; pos < n; pos++) {
            fold[order.get(pos)] = pos % k;
        }
        return fold;
    }

    /** The probability of a like for every paper, each from a model that never saw it. */
    private static List<Double> outOfFold(List<TokenizedText> docs, List<float[]> embeddings, List<Boolean> liked,
            int[] fold, int folds, Features features) {
        Double[] out = new Double[docs.size()];
        for (int f = 0; f < folds; f++) {
            List<TokenizedText> trainDocs = new ArrayList<>();
            List<Boolean> trainLabels = new ArrayList<>();
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (fold[i] != f) {
                    train.add(i);
                    trainDocs.add(docs.get(i));
                    trainLabels.add(liked.get(i));
                }
            }
            TfIdf tfIdf = TfIdf.fit(trainDocs, 1);
            List<SparseVector> xs = train.stream().map(i -> vector(tfIdf, docs.get(i), embeddings.get(i), features))
                    .toList();
            LogisticRegression lr = LogisticRegression.fit(xs, trainLabels, tfIdf.dimension() + PaperEmbedder.DIMENSIONS);
            for (int i = 0; i < docs.size(); i++) {
                if (fold[i] == f) {
                    out[i] = lr.probability(vector(tfIdf, docs.get(i), embeddings.get(i), features));
                }
            }
        }
        return List.of(out);
    }

    private static SparseVector vector(TfIdf tfIdf, TokenizedText doc, float[] embedding, Features features) {
        SparseVector words = features == Features.MEANING ? new SparseVector(new int[0], new double[0])
                : tfIdf.transform(doc);
        return features == Features.WORDS ? words : EmbeddingFeatures.append(words, tfIdf.dimension(), embedding, 1.0);
    }

    public static void main(String[] args) {
        RealRecords records = RealRecords.load(RealRecords.folder().orElseThrow(() -> new IllegalStateException(
                "no ../shared/realdata here; give -Dpaperstream.realdata.dir=...")));
        long load = PaperEmbedder.loadMillis();
        Result r = run(records, 5, 42);
        System.out.printf("%d real arXiv records, model loaded in %d ms, embedded in %d ms%n", r.papers(), load,
                r.embedMillis());
        System.out.println("| simulated team (likes primary category) | liked | (a) TF-IDF + LR | (b) TF-IDF + embedding"
                + " | (c) embedding only | team model: TF-IDF alone | team model: TF-IDF + embedding |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (TeamAuc t : r.teams()) {
            System.out.printf("| %s | %d of %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", t.team(), t.liked(), t.papers(),
                    t.words(), t.wordsAndMeaning(), t.meaning(), t.serviceWords(), t.serviceWordsAndMeaning());
        }
        System.out.printf("| mean held-out AUC | | %.3f | %.3f | %.3f | %.3f | %.3f |%n", r.meanAuc(TeamAuc::words),
                r.meanAuc(TeamAuc::wordsAndMeaning), r.meanAuc(TeamAuc::meaning), r.meanAuc(TeamAuc::serviceWords),
                r.meanAuc(TeamAuc::serviceWordsAndMeaning));
        System.out.printf("subject classifier (5 groups, %d papers, 5-fold CV) accuracy: (a) %.1f%%, (b) %.1f%%, (c) %.1f%%%n",
                r.classified(), 100 * r.accuracyWords(), 100 * r.accuracyWordsAndMeaning(), 100 * r.accuracyMeaning());
    }
}
