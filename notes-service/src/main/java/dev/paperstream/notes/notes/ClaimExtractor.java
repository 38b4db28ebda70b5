package dev.paperstream.notes.notes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds numeric claims ("3x faster", "10x less memory", "95.1% accuracy") and the sentences around them. */
public final class ClaimExtractor {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final String WORDS = "(?:\\s+(?!than\\b|and\\b|on\\b|at\\b|in\\b|with\\b|for\\b)[a-z][a-z0-9\\-]*){0,2}";
    private static final Pattern TIMES = Pattern.compile(NUMBER + "\\s?(?:x\\b|×|-fold\\b|\\s+times\\b)\\s+"
            + "((?:faster|speed-?up|less|lower|fewer|smaller|more|higher|reduction|longer|cheaper)" + WORDS + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEEDUP_OF = Pattern.compile(
            "(speed-?ups?|memory (?:savings?|reduction))\\s+of\\s+(?:up to\\s+)?" + NUMBER + "\\s?(?:x\\b|×)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile(NUMBER + "\\s?%\\s+((?:top-[15]\\s+)?"
            + "(?:accuracy|f1|bleu|exact match|win rate|less|fewer|lower|reduction|faster|improvement|higher|"
            + "relative|perplexity|memory|speed-?up)" + WORDS + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern METRIC_OF = Pattern.compile(
            "((?:top-[15]\\s+)?accuracy|f1(?: score)?|bleu(?: score)?)\\s+(?:of\\s+)?" + NUMBER + "\\s?%",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(\\[])");

    private ClaimExtractor() {
    }

    public static List<String> sentences(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(SENTENCE_END.split(text.replaceAll("\\s+", " ").trim()));
    }

    public static List<NumericClaim> extract(String text) {
        List<NumericClaim> claims = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String sentence : sentences(text)) {
            Matcher m = TIMES.matcher(sentence);
            while (m.find()) {
                add(claims, seen, m.group(1), "x", m.group(2), m.group(), sentence);
            }
            m = SPEEDUP_OF.matcher(sentence);
            while (m.find()) {
                add(claims, seen, m.group(2), "x", m.group(1), m.group(), sentence);
            }
            m = PERCENT.matcher(sentence);
            while (m.find()) {
                add(claims, seen, m.group(1), "%", m.group(2), m.group(), sentence);
            }
            m = METRIC_OF.matcher(sentence);
            while (m.find()) {
                add(claims, seen, m.group(2), "%", m.group(1), m.group(), sentence);
            }
        }
        return claims;
    }

    private static void add(List<NumericClaim> claims, Set<String> seen, String number, String unit,
            String quantity, String phrase, String sentence) {
        String q = quantity.trim().toLowerCase(Locale.ROOT);
        if (seen.add(number + unit + "|" + sentence)) {
            claims.add(new NumericClaim(kind(q), Double.parseDouble(number), unit, q, phrase.trim(), sentence));
        }
    }

    static String kind(String quantity) {
        if (quantity.contains("memory")) {
            return NumericClaim.MEMORY;
        }
        if (quantity.contains("faster") || quantity.contains("speed") || quantity.contains("throughput")
                || quantity.contains("latency") || quantity.contains("wall-clock")) {
            return NumericClaim.SPEEDUP;
        }
        if (quantity.contains("accuracy") || quantity.startsWith("f1") || quantity.startsWith("bleu")
                || quantity.contains("exact match")) {
            return NumericClaim.ACCURACY;
        }
        return NumericClaim.OTHER;
    }
}
