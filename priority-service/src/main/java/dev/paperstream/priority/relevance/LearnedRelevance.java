package dev.paperstream.priority.relevance;

import dev.paperstream.priority.relevance.TfIdf.SparseVector;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A team's relevance learned from its votes: TF-IDF of title and abstract and a logistic regression
 * (per team, as arxiv-sanity learns per tag), with the paper's embedding appended to the TF-IDF features
 * ({@link EmbeddingFeatures}) once any example has one. A paper without an embedding yet has those features
 * zero, in training and in rating alike, so it is rated on its words alone. The probability of a like maps to
 * 1..5 in fifths; the reason names the words that pushed it most.
 */
public final class LearnedRelevance implements RelevanceModel {
    /** Fewer votes of either kind than this and the profile stays in charge. */
    public static final int MIN_PER_CLASS = 3;
    /** Scale of the appended embedding (unit length, like the TF-IDF part, so neither drowns the other). */
    static final double EMBEDDING_WEIGHT = 1.0;

    private final TfIdf features;
    private final LogisticRegression model;
    private final int votes;
    private final int embeddingDimensions;

    private LearnedRelevance(TfIdf features, LogisticRegression model, int votes, int embeddingDimensions) {
        this.features = features;
        this.model = model;
        this.votes = votes;
        this.embeddingDimensions = embeddingDimensions;
    }

    /** A labelled text: title and abstract, liked or not, and the paper's embedding (null while it has none). */
    public record Example(TokenizedText text, boolean liked, float[] embedding) {
        public Example(TokenizedText text, boolean liked) {
            this(text, liked, null);
        }

        /** The same example as if the paper had no embedding (for the TF-IDF-alone comparison). */
        public Example withoutEmbedding() {
            return embedding == null ? this : new Example(text, liked, null);
        }
    }

    /**
     * Trains on the examples (with embedding features when any example has an embedding), or answers empty when
     * there are too few of either kind.
     */
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
        int dims = examples.stream().filter(e -> e.embedding() != null).mapToInt(e -> e.embedding().length)
                .findFirst().orElse(0);
        List<SparseVector> xs = new ArrayList<>(docs.size());
        for (Example e : examples) {
            xs.add(vector(tfIdf, dims, e.text(), e.embedding()));
        }
        LogisticRegression lr = LogisticRegression.fit(xs, examples.stream().map(Example::liked).toList(),
                tfIdf.dimension() + dims);
        return new LearnedRelevance(tfIdf, lr, examples.size(), dims);
    }

    private static SparseVector vector(TfIdf tfIdf, int dims, TokenizedText text, float[] embedding) {
        SparseVector words = tfIdf.transform(text);
        if (dims == 0 || embedding == null) {
            return words;
        }
        if (embedding.length != dims) {
            throw new IllegalArgumentException("embedding of " + embedding.length + " dimensions, model has " + dims);
        }
        return EmbeddingFeatures.append(words, tfIdf.dimension(), embedding, EMBEDDING_WEIGHT);
    }

    /** Whether the model reads embeddings beside the words (some of its examples had one). */
    public boolean usesEmbeddings() {
        return embeddingDimensions > 0;
    }

    /**
     * The {@code n} terms with the largest weights toward a like ({@code towardLike}) or a dislike, strongest
     * first; a term's weight is its coefficient in the regression (on TF-IDF features; embedding dimensions
     * have no words and are not listed).
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
        return probability(titleAndAbstract, null);
    }

    /** The probability of a like; {@code embedding} null rates the words alone. */
    public double probability(TokenizedText titleAndAbstract, float[] embedding) {
        return model.probability(vector(features, embeddingDimensions, titleAndAbstract, embedding));
    }

    public int votes() {
        return votes;
    }

    @Override
    public RelevanceDecision rate(TokenizedText titleAndAbstract, Optional<float[]> embedding) {
        float[] meaning = embeddingDimensions > 0 ? embedding.orElse(null) : null;
        SparseVector x = vector(features, embeddingDimensions, titleAndAbstract, meaning);
        double p = model.probability(x);
        int relevance = 1 + Math.min(4, (int) (p * 5));
        String words = Contributions.strongest(model, features, x);
        String how = embeddingDimensions == 0 ? "" : meaning == null ? ", words only (no embedding yet)"
                : ", words and meaning";
        return new RelevanceDecision(relevance, "learned from " + votes + " votes" + how + ", p(like)="
                + Contributions.twoDecimals(p) + (words.isEmpty() ? "" : "; " + words));
    }
}
