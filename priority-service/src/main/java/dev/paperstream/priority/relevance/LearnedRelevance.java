package dev.paperstream.priority.relevance;

import dev.paperstream.priority.relevance.TfIdf.SparseVector;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;
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
        return Optional.of(fit(examples));
    }

    /** Trains on examples of both kinds, however few (cross-validation trains on parts of a small set). */
    static LearnedRelevance fit(List<Example> examples) {
        List<TokenizedText> docs = examples.stream().map(Example::text).toList();
        TfIdf tfIdf = TfIdf.fit(docs, 1);
        List<SparseVector> xs = new ArrayList<>(docs.size());
        docs.forEach(d -> xs.add(tfIdf.transform(d)));
        LogisticRegression lr = LogisticRegression.fit(xs, examples.stream().map(Example::liked).toList(),
                tfIdf.dimension());
        return new LearnedRelevance(tfIdf, lr, examples.size());
    }

    /**
     * The {@code n} terms with the largest weights toward a like ({@code towardLike}) or a dislike, strongest
     * first; a term's weight is its coefficient in the regression (on TF-IDF features).
     */
    public List<WeightedTerm> strongestTerms(int n, boolean towardLike) {
        List<WeightedTerm> all = new ArrayList<>(features.dimension());
        for (int i = 0; i < features.dimension(); i++) {
            double w = model.weight(i);
            if (towardLike ? w > 0 : w < 0) {
                all.add(new WeightedTerm(features.term(i), Math.round(w * 1000) / 1000.0));
            }
        }
        all.sort((a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight())));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
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
        String words = Contributions.strongest(model, features, x);
        return new RelevanceDecision(relevance, "learned from " + votes + " votes, p(like)="
                + Contributions.twoDecimals(p) + (words.isEmpty() ? "" : "; " + words));
    }
}
