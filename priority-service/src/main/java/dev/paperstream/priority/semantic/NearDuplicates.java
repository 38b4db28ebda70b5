package dev.paperstream.priority.semantic;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells when two papers are the same work under another id: their embeddings are almost the same
 * (cosine at least {@code duplicate-cosine}) and so are their titles (Jaccard of title words at least
 * {@code duplicate-title-similarity}); a retitled work is still caught when the texts are nearly identical
 * (cosine at least {@link #SAME_TEXT_COSINE}, which papers on merely the same topic do not reach).
 */
public final class NearDuplicates {
    static final double SAME_TEXT_COSINE = 0.98;

    private final double cosine;
    private final double titleSimilarity;

    public NearDuplicates(double cosine, double titleSimilarity) {
        this.cosine = cosine;
        this.titleSimilarity = titleSimilarity;
    }

    /** The note saying why {@code other} is a near-duplicate of {@code paperId}, if it is one. */
    public Optional<String> note(String paperId, String title, String otherTitle, double similarity) {
        if (similarity < cosine) {
            return Optional.empty();
        }
        double titles = titleSimilarity(title, otherTitle);
        if (titles < titleSimilarity && similarity < SAME_TEXT_COSINE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "near-duplicate of %s: cosine %.3f, title similarity %.2f", paperId, similarity, titles));
    }

    /** Jaccard similarity of the two titles' sets of lower-case words. */
    public static double titleSimilarity(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return both.size() / (double) (x.size() + y.size() - both.size());
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        if (s != null) {
            for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
