package dev.paperstream.priority.scoring;

import dev.paperstream.events.Priority;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The seed heuristic of DESIGN.md, exactly, with every factor's input and contribution spelled out. */
public final class SeedRule {
    static final double RECENT_MONTHS = 6.0;
    static final double HIGH_CITATIONS_PER_MONTH = 20.0;
    static final double SOME_CITATIONS_PER_MONTH = 5.0;

    private SeedRule() {
    }

    public static Scoring apply(ScoringInputs in) {
        Factor code = code(in);
        Factor citations = citations(in);
        Factor type = Factor.of("type", in.paperType() + " (" + in.typeEvidence() + ")",
                in.paperType().isMethodContribution() ? 2 : 0);
        Factor relevance = Factor.of("relevance", in.relevance() + "/5 (" + in.relevanceEvidence() + ")",
                in.relevance());
        List<Factor> factors = List.of(code, citations, type, relevance);
        int score = factors.stream().mapToInt(Factor::points).sum();
        return new Scoring(Priority.ofScore(score), score, in.paperType(), in.relevance(), in.hasCode(),
                in.citations(), in.monthsSincePublication(), factors);
    }

    private static Factor code(ScoringInputs in) {
        String age = number(in.monthsSincePublication()) + " months old";
        if (!in.hasCode()) {
            return Factor.of("code", in.codeEvidence() + ", " + age, 0);
        }
        boolean recent = in.monthsSincePublication() < RECENT_MONTHS;
        return Factor.of("code", in.codeEvidence() + ", " + age + (recent ? "" : " (not under 6)"), recent ? 3 : 0);
    }

    private static Factor citations(ScoringInputs in) {
        if (in.citations() == null) {
            return Factor.of("citations", "unknown (" + in.citationsNote() + ")", 0);
        }
        double months = Math.max(in.monthsSincePublication(), 1.0);
        double perMonth = in.citations() / months;
        int points = perMonth > HIGH_CITATIONS_PER_MONTH ? 2 : perMonth > SOME_CITATIONS_PER_MONTH ? 1 : 0;
        String threshold = points == 2 ? "> 20" : points == 1 ? "> 5" : "<= 5";
        String source = in.citationsNote() == null || "given".equals(in.citationsNote()) ? ""
                : " (" + in.citationsNote() + ")";
        return Factor.of("citations", in.citations() + source + " in " + number(months) + " months = "
                + number(perMonth) + "/month (" + threshold + ")", points);
    }

    /** Two decimals at most, so that 5.99 months never reads as 6. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }
}
