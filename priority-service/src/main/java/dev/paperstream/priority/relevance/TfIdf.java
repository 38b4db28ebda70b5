package dev.paperstream.priority.relevance;

import dev.paperstream.priority.text.TokenizedText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF features of title and abstract: words and pairs of adjacent words (stop words dropped),
 * sub-linear term frequency, smoothed inverse document frequency, unit length (as scikit-learn's
 * TfidfVectorizer with sublinear_tf, which arxiv-sanity uses).
 */
public final class TfIdf {
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "for", "to",
            "with", "by", "from", "at", "as", "is", "are", "was", "were", "be", "been", "this", "that", "these",
            "those", "we", "our", "it", "its", "which", "can", "than", "into", "such", "also", "has", "have", "not",
            "their", "both", "while", "show", "using", "based", "via", "over", "under", "between", "new", "paper");

    private final Map<String, Integer> vocabulary;
    private final String[] terms;
    private final double[] idf;

    private TfIdf(Map<String, Integer> vocabulary, String[] terms, double[] idf) {
        this.vocabulary = vocabulary;
        this.terms = terms;
        this.idf = idf;
    }

    /** Learns the vocabulary (features in at least {@code minDf} documents) and IDF from the documents. */
    public static TfIdf fit(List<TokenizedText> documents, int minDf) {
        Map<String, Integer> df = new HashMap<>();
        for (TokenizedText doc : documents) {
            Map<String, Integer> counts = new HashMap<>();
            features(doc, counts);
            counts.keySet().forEach(f -> df.merge(f, 1, Integer::sum));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        df.entrySet().stream().filter(e -> e.getValue() >= minDf).map(Map.Entry::getKey).sorted()
                .forEach(f -> vocabulary.put(f, vocabulary.size()));
        String[] terms = new String[vocabulary.size()];
        double[] idf = new double[vocabulary.size()];
        double n = documents.size();
        vocabulary.forEach((f, i) -> {
            terms[i] = f;
            idf[i] = Math.log((1 + n) / (1 + df.get(f))) + 1;
        });
        return new TfIdf(vocabulary, terms, idf);
    }

    public int dimension() {
        return terms.length;
    }

    public String term(int index) {
        return terms[index];
    }

    public SparseVector transform(TokenizedText doc) {
        Map<String, Integer> counts = new HashMap<>();
        features(doc, counts);
        int[] index = new int[counts.size()];
        double[] value = new double[counts.size()];
        int n = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = vocabulary.get(e.getKey());
            if (i != null) {
                double v = (1 + Math.log(e.getValue())) * idf[i];
                index[n] = i;
                value[n] = v;
                norm += v * v;
                n++;
            }
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int k = 0; k < n; k++) {
            value[k] *= scale;
        }
        return new SparseVector(java.util.Arrays.copyOf(index, n), java.util.Arrays.copyOf(value, n));
    }

    private static void features(TokenizedText doc, Map<String, Integer> counts) {
        String previous = null;
        for (int i = 0; i < doc.size(); i++) {
            String t = doc.token(i);
            if (t.length() < 2 || STOP.contains(t) || Character.isDigit(t.charAt(0))) {
                previous = null;
                continue;
            }
            counts.merge(t, 1, Integer::sum);
            if (previous != null) {
                counts.merge(previous + " " + t, 1, Integer::sum);
            }
            previous = t;
        }
    }

    /** Non-zero entries of a feature vector. */
    public record SparseVector(int[] index, double[] value) {
        public double dot(double[] weights) {
            double s = 0;
            for (int k = 0; k < index.length; k++) {
                s += weights[index[k]] * value[k];
            }
            return s;
        }
    }
}
