package dev.paperstream.priority.relevance;

import dev.paperstream.priority.text.TokenizedText;
import java.util.Arrays;
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
    private final Map<Long, Integer> bigrams = new HashMap<>();
    private final String[] terms;
    private final double[] idf;

    private TfIdf(Map<String, Integer> vocabulary, String[] terms, double[] idf) {
        this.vocabulary = vocabulary;
        this.terms = terms;
        this.idf = idf;
        // a pair is found through the indices of its two words, so that no pair string is built per paper
        for (int i = 0; i < terms.length; i++) {
            int space = terms[i].indexOf(' ');
            if (space > 0) {
                bigrams.put(pair(vocabulary.get(terms[i].substring(0, space)),
                        vocabulary.get(terms[i].substring(space + 1))), i);
            }
        }
    }

    private static long pair(int first, int second) {
        return ((long) first << 32) | second;
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
        int[] ids = new int[2 * doc.size()];
        int m = 0;
        int previous = -1;
        for (int i = 0; i < doc.size(); i++) {
            String t = doc.token(i);
            // skipped tokens (stop words, numbers) never enter the vocabulary, so they also break pairs here
            Integer word = vocabulary.get(t);
            if (word == null) {
                // a pair's df is at most its words' df, so a pair with an unknown word is unknown too
                previous = -1;
                continue;
            }
            ids[m++] = word;
            if (previous >= 0) {
                Integer both = bigrams.get(pair(previous, word));
                if (both != null) {
                    ids[m++] = both;
                }
            }
            previous = word;
        }
        Arrays.sort(ids, 0, m);
        int[] index = new int[m];
        double[] value = new double[m];
        int n = 0;
        double norm = 0;
        for (int k = 0; k < m;) {
            int run = k;
            while (run < m && ids[run] == ids[k]) {
                run++;
            }
            double v = (1 + Math.log(run - k)) * idf[ids[k]];
            index[n] = ids[k];
            value[n++] = v;
            norm += v * v;
            k = run;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int k = 0; k < n; k++) {
            value[k] *= scale;
        }
        return new SparseVector(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    private static boolean skipped(String token) {
        return token.length() < 2 || STOP.contains(token) || Character.isDigit(token.charAt(0));
    }

    private static void features(TokenizedText doc, Map<String, Integer> counts) {
        String previous = null;
        for (int i = 0; i < doc.size(); i++) {
            String t = doc.token(i);
            if (skipped(t)) {
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
