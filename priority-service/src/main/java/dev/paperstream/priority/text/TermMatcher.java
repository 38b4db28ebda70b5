package dev.paperstream.priority.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds which of a list of terms occur in a text. A term is a word or phrase; each of its words
 * matches a token that starts with it, so "gpu" finds "GPUs" and "accelerat*" finds "accelerates"
 * (a trailing {@code *} only documents that intent).
 */
public final class TermMatcher {
    private final List<String> labels = new ArrayList<>();
    private final List<String[]> phrases = new ArrayList<>();

    private TermMatcher(Collection<String> terms) {
        for (String term : terms) {
            String[] words = TokenizedText.of(term.replace("*", "")).tokensCopy();
            if (words.length > 0 && !labels.contains(term.trim())) {
                labels.add(term.trim());
                phrases.add(words);
            }
        }
    }

    public static TermMatcher of(Collection<String> terms) {
        return new TermMatcher(terms);
    }

    /** The labels of the terms found, in the order they were given. */
    public List<String> matches(TokenizedText text) {
        List<String> found = new ArrayList<>(4);
        for (int i = 0; i < phrases.size(); i++) {
            if (text.hasPhrase(phrases.get(i))) {
                found.add(labels.get(i));
            }
        }
        return found;
    }
}
