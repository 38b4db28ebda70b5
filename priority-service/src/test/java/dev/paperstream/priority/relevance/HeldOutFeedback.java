package dev.paperstream.priority.relevance;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.classify.LabelledPaper;
import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Held-out AUC of the learned relevance against the keyword profile, on votes of a simulated team:
 * the team likes the labelled papers that {@code likes} accepts and dislikes the others. Each fold's
 * votes are hidden while the model trains on the remaining folds.
 */
public final class HeldOutFeedback {
    public static final List<String> DEFAULT_KEYWORDS = List.of("attention", "transformer", "flashattention",
            "kernel", "gpu", "cuda", "inference", "training", "llm", "language model", "quantization", "memory",
            "throughput", "latency", "sparse", "mixture of experts", "efficient");

    /** AUC of the learned model and of the keyword profile on the same held-out votes. */
    public record Aucs(double learned, double keywords, int votes) {
    }

    /** An efficiency team: it likes optimization papers, and says so by thumbs up. */
    public static Predicate<LabelledPaper> efficiencyTeam() {
        return p -> p.type() == PaperType.OPTIMIZATION;
    }

    /** A modelling team: it likes papers that propose new architectures. */
    public static Predicate<LabelledPaper> architectureTeam() {
        return p -> p.type() == PaperType.ARCHITECTURE;
    }

    public static Aucs evaluate(List<LabelledPaper> papers, Predicate<LabelledPaper> likes, int k, long seed) {
        List<LabelledPaper> shuffled = new ArrayList<>(papers);
        Collections.shuffle(shuffled, new Random(seed));
        ProfileRelevance keywords = new ProfileRelevance(DEFAULT_KEYWORDS.stream().map(t -> new WeightedTerm(t, 1)).toList());
        List<Double> learnedScores = new ArrayList<>();
        List<Double> keywordScores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            List<Example> train = new ArrayList<>();
            List<LabelledPaper> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                LabelledPaper p = shuffled.get(i);
                if (i % k == fold) {
                    test.add(p);
                } else {
                    train.add(new Example(text(p), likes.test(p)));
                }
            }
            LearnedRelevance model = LearnedRelevance.train(train).orElseThrow();
            for (LabelledPaper p : test) {
                learnedScores.add(model.probability(text(p)));
                keywordScores.add((double) keywords.rate(text(p)).relevance());
                labels.add(likes.test(p));
            }
        }
        return new Aucs(Auc.of(learnedScores, labels), Auc.of(keywordScores, labels), labels.size());
    }

    private static TokenizedText text(LabelledPaper p) {
        return TokenizedText.of(p.title(), p.abstractText());
    }
}
