package dev.paperstream.priority.relevance;

import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well a team's relevance model ranks papers it did not see: stratified k-fold cross-validation on the
 * team's own examples (each fold's papers hidden while the model trains on the others), the out-of-fold
 * probabilities pooled into one AUC. Deterministic: examples go round-robin to folds in their given order.
 * The examples' embeddings are used where they have one; {@link #wordsOnly} measures the same folds on TF-IDF alone.
 */
public final class HeldOutAuc {
    /** At most this many folds; fewer when the smaller class has fewer examples. */
    public static final int MAX_FOLDS = 5;

    private HeldOutAuc() {
    }

    /** The AUC and the number of folds it was measured with. */
    public record Result(double auc, int folds) {
    }

    /** The held-out AUC of the same examples with their embeddings left out: TF-IDF alone. */
    public static Optional<Result> wordsOnly(List<Example> examples) {
        return of(examples.stream().map(Example::withoutEmbedding).toList());
    }

    /** Empty when either class has fewer than two examples (no fold could hide one and train on another). */
    public static Optional<Result> of(List<Example> examples) {
        long liked = examples.stream().filter(Example::liked).count();
        int folds = (int) Math.min(MAX_FOLDS, Math.min(liked, examples.size() - liked));
        if (folds < 2) {
            return Optional.empty();
        }
        int[] fold = new int[examples.size()];
        int nextLiked = 0;
        int nextDisliked = 0;
        for (int i = 0; i < examples.size(); i++) {
            fold[i] = examples.get(i).liked() ? nextLiked++ % folds : nextDisliked++ % folds;
        }
        List<Double> scores = new ArrayList<>(examples.size());
        List<Boolean> labels = new ArrayList<>(examples.size());
        for (int f = 0; f < folds; f++) {
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    train.add(examples.get(i));
                }
            }
            LearnedRelevance model = LearnedRelevance.fit(train);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    scores.add(model.probability(examples.get(i).text(), examples.get(i).embedding()));
                    labels.add(examples.get(i).liked());
                }
            }
        }
        return Optional.of(new Result(Auc.of(scores, labels), folds));
    }
}
