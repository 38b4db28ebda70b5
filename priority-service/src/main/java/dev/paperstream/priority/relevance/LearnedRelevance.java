package dev.paperstream.priority.relevance;

import dev.paperstream.priority.relevance.TfIdf.SparseVector;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A team's relevance learned from its votes: TF-IDF of title and abstract and a logistic regression
 * (per team, as arxiv-sanity learns per tag). The probability of a like maps to 1..5 in fifths; the
 * reason names the words that pushed it most.
 */
public final class LearnedRelevance implements RelevanceModel {
    /** Fewer votes of either kind than this and the profile stays in charge. */
    public static final int MIN_PER_CLASS = 3;

    private final TfIdf features;
    private final LogisticRegression model;
    private final int votes;

    private LearnedRelevance(TfIdf features, LogisticRegression model, int votes) {
        this.features = features;
        this.model = model;
        this.votes = votes;
    }

    /** A labelled text: title and abstract, liked or not. */
    public record Example(TokenizedText text, boolean liked) {
    }

    /** Trains on the examples, or answers empty when there are too few of either kind. */
    public static Optional<LearnedRelevance> train(List<Example> examples) {
        long liked = examples.stream().filter(Example::liked).count();
        if (liked < MIN_PER_CLASS || examples.size() - liked < MIN_PER_CLASS) {
            return Optional.empty();
        }
        List<TokenizedText> docs = examples.stream().map(Example::text).toList();
        TfIdf tfIdf = TfIdf.fit(docs, 1);
        List<SparseVector> xs = new ArrayList<>(docs.size());
        docs.forEach(d -> xs.add(tfIdf.transform(d)));
        LogisticRegression lr = LogisticRegression.fit(xs, examples.stream().map(Example::liked).toList(),
                tfIdf.dimension());
        return Optional.of(new LearnedRelevance(tfIdf, lr, examples.size()));
    }

    public double probability(TokenizedText titleAndAbstract) {
        return model.probability(features.transform(titleAndAbstract));
    }

    public int votes() {
        return votes;
    }

    @Override
    public RelevanceDecision rate(TokenizedText titleAndAbstract) {
        SparseVector x = features.transform(titleAndAbstract);
        double p = model.probability(x);
        int relevance = 1 + Math.min(4, (int) (p * 5));
        List<int[]> order = new ArrayList<>();
        for (int k = 0; k < x.index().length; k++) {
            order.add(new int[] {k});
        }
        order.sort(Comparator.comparingDouble(
                (int[] k) -> -Math.abs(model.weight(x.index()[k[0]]) * x.value()[k[0]])));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Math.min(3, order.size()); i++) {
            int k = order.get(i)[0];
            double c = model.weight(x.index()[k]) * x.value()[k];
            words.add(features.term(x.index()[k]) + String.format(Locale.ROOT, " %+.2f", c));
        }
        return new RelevanceDecision(relevance, String.format(Locale.ROOT, "learned from %d votes, p(like)=%.2f%s",
                votes, p, words.isEmpty() ? "" : "; " + String.join(", ", words)));
    }
}
