package dev.paperstream.priority.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text split once into lower-case alphanumeric tokens, so that every matcher and feature extractor
 * works on the same tokens without scanning the raw text again. Hyphens and punctuation separate
 * tokens ("IO-aware" is "io", "aware").
 */
public final class TokenizedText {
    private final String[] tokens;
    private String[] sortedDistinct;

    private TokenizedText(String[] tokens) {
        this.tokens = tokens;
    }

    /** Sorted lazily: feature extraction reads tokens in order and never needs it. */
    private String[] sortedDistinct() {
        if (sortedDistinct != null) {
            return sortedDistinct;
        }
        String[] sorted = tokens.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || !sorted[n - 1].equals(sorted[i])) {
                sorted[n++] = sorted[i];
            }
        }
        sortedDistinct = Arrays.copyOf(sorted, n);
        return sortedDistinct;
    }

    /** Tokenizes the parts as one text; null parts are skipped. */
    public static TokenizedText of(String... parts) {
        int chars = 0;
        for (String part : parts) {
            chars += part == null ? 0 : part.length();
        }
        // English averages about six characters per word and separator
        List<String> out = new ArrayList<>(chars / 5 + 4);
        StringBuilder token = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (int i = 0; i < part.length(); i++) {
                char ch = part.charAt(i);
                if (Character.isLetterOrDigit(ch)) {
                    token.append(Character.toLowerCase(ch));
                } else if (token.length() > 0) {
                    out.add(token.toString());
                    token.setLength(0);
                }
            }
            if (token.length() > 0) {
                out.add(token.toString());
                token.setLength(0);
            }
        }
        return new TokenizedText(out.toArray(String[]::new));
    }

    /** This text followed by another, as if tokenized together. */
    public TokenizedText followedBy(TokenizedText more) {
        if (more.tokens.length == 0) {
            return this;
        }
        String[] both = Arrays.copyOf(tokens, tokens.length + more.tokens.length);
        System.arraycopy(more.tokens, 0, both, tokens.length, more.tokens.length);
        return new TokenizedText(both);
    }

    public int size() {
        return tokens.length;
    }

    String[] tokensCopy() {
        return tokens.clone();
    }

    public String token(int i) {
        return tokens[i];
    }

    /** True when some token starts with {@code prefix} ("gpu" finds "gpus"). */
    public boolean hasTokenStartingWith(String prefix) {
        String[] sortedDistinct = sortedDistinct();
        int at = Arrays.binarySearch(sortedDistinct, prefix);
        if (at >= 0) {
            return true;
        }
        int next = -at - 1;
        return next < sortedDistinct.length && sortedDistinct[next].startsWith(prefix);
    }

    /** True when consecutive tokens start with the phrase's tokens in order. */
    public boolean hasPhrase(String[] phrase) {
        if (phrase.length == 1) {
            return hasTokenStartingWith(phrase[0]);
        }
        if (!hasTokenStartingWith(phrase[0])) {
            return false;
        }
        for (int i = 0; i + phrase.length <= tokens.length; i++) {
            int j = 0;
            while (j < phrase.length && tokens[i + j].startsWith(phrase[j])) {
                j++;
            }
            if (j == phrase.length) {
                return true;
            }
        }
        return false;
    }
}
