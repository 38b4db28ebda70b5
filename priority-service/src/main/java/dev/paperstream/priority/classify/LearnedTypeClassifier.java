package dev.paperstream.priority.classify;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.relevance.Contributions;
import dev.paperstream.priority.relevance.LogisticRegression;
import dev.paperstream.priority.relevance.TfIdf;
import dev.paperstream.priority.relevance.TfIdf.SparseVector;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Paper type by one-vs-rest logistic regression over TF-IDF of title, abstract and comment, trained
 * on labelled papers. The evidence names the words that pushed the paper toward the chosen type.
 */
public final class LearnedTypeClassifier implements PaperTypeClassifier {
    private final TfIdf features;
    private final Map<PaperType, LogisticRegression> models;

    private LearnedTypeClassifier(TfIdf features, Map<PaperType, LogisticRegression> models) {
        this.features = features;
        this.models = models;
    }

    public static LearnedTypeClassifier train(List<LabelledPaper> papers) {
        List<TokenizedText> docs = papers.stream().map(p -> TokenizedText.of(p.title(), p.abstractText())).toList();
        TfIdf tfIdf = TfIdf.fit(docs, 1);
        List<SparseVector> xs = new ArrayList<>(docs.size());
        docs.forEach(d -> xs.add(tfIdf.transform(d)));
        Map<PaperType, LogisticRegression> models = new EnumMap<>(PaperType.class);
        for (PaperType type : PaperType.values()) {
            List<Boolean> ys = papers.stream().map(p -> p.type() == type).toList();
            models.put(type, LogisticRegression.fit(xs, ys, tfIdf.dimension()));
        }
        return new LearnedTypeClassifier(tfIdf, models);
    }

    /** The classifier the service uses: trained on the committed labelled set. */
    public static LearnedTypeClassifier fromCommittedSet() {
        return train(LabelledPaper.committedSet());
    }

    @Override
    public TypeDecision classify(TokenizedText text) {
        SparseVector x = features.transform(text);
        PaperType best = PaperType.EMPIRICAL;
        double bestP = -1;
        for (Map.Entry<PaperType, LogisticRegression> e : models.entrySet()) {
            double p = e.getValue().probability(x);
            if (p > bestP) {
                bestP = p;
                best = e.getKey();
            }
        }
        String words = Contributions.strongest(models.get(best), features, x);
        return new TypeDecision(best, "p=" + Contributions.twoDecimals(bestP) + (words.isEmpty() ? "" : "; " + words));
    }

    /** The words with the largest weights toward the type, strongest first, e.g. "kernel +1.83". */
    public List<String> strongestWords(PaperType type, int n) {
        LogisticRegression model = models.get(type);
        return java.util.stream.IntStream.range(0, features.dimension()).boxed()
                .sorted((a, b) -> Double.compare(model.weight(b), model.weight(a)))
                .limit(n)
                .map(i -> features.term(i) + " +" + Contributions.twoDecimals(model.weight(i)))
                .toList();
    }
}
