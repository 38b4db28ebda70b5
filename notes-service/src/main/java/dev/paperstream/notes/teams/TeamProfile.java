package dev.paperstream.notes.teams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A team's relevance profile as the priority service stores it, and its plain-text form on the team page:
 * categories and seed papers separated by commas or spaces, one {@code term: weight} per line.
 */
public record TeamProfile(List<String> categories, List<Term> terms, List<String> seedPapers, boolean matchAll) {

    public TeamProfile {
        categories = List.copyOf(categories);
        terms = List.copyOf(terms);
        seedPapers = List.copyOf(seedPapers);
    }

    public record Term(String term, double weight) {
    }

    /** Parses the form's fields; a line that is not {@code term: weight} is an error naming that line. */
    public static TeamProfile fromForm(String categories, String terms, String seedPapers, boolean matchAll) {
        List<Term> parsed = new ArrayList<>();
        int lineNumber = 0;
        for (String line : (terms == null ? "" : terms).split("\\R")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("term line " + lineNumber + " ('" + line.strip()
                        + "') must read 'term: weight', for example 'flash attention: 2'");
            }
            String term = line.substring(0, colon).strip();
            String weight = line.substring(colon + 1).strip();
            try {
                parsed.add(new Term(term, Double.parseDouble(weight)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of '" + term + "' on term line " + lineNumber
                        + " is not a number: '" + weight + "'");
            }
        }
        return new TeamProfile(words(categories), parsed, words(seedPapers), matchAll);
    }

    public String categoriesText() {
        return String.join(", ", categories);
    }

    public String termsText() {
        StringBuilder text = new StringBuilder();
        for (Term t : terms) {
            text.append(t.term()).append(": ").append(weightText(t.weight())).append('\n');
        }
        return text.toString();
    }

    public String seedPapersText() {
        return String.join(", ", seedPapers);
    }

    private static String weightText(double weight) {
        return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.format(Locale.ROOT, "%s", weight);
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
