package dev.paperstream.priority.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import org.junit.jupiter.api.Test;

class SeedRuleTest {

    private static ScoringInputs inputs(boolean code, double months, Integer citations, PaperType type, int relevance) {
        return new ScoringInputs(code, code ? "github.com/x/y found in abstract" : "no code link found", months,
                citations, citations == null ? "no provider configured" : null, type, "given", relevance, "given");
    }

    private static Scoring score(boolean code, double months, Integer citations, PaperType type, int relevance) {
        return SeedRule.apply(inputs(code, months, citations, type, relevance));
    }

    private static int points(Scoring s, String factor) {
        return s.factors().stream().filter(f -> f.factor().equals(factor)).findFirst().orElseThrow().points();
    }

    @Test
    void flashAttentionReferenceCaseIsHighWithNine() {
        Scoring s = score(true, 12, 500, PaperType.OPTIMIZATION, 5);
        assertThat(s.score()).isEqualTo(9);
        assertThat(s.priority()).isEqualTo(Priority.HIGH);
        assertThat(s.reasons()).containsExactly(
                "code: github.com/x/y found in abstract, 12 months old (not under 6): +0",
                "citations: 500 in 12 months = 41.66/month (> 20): +2",
                "type: OPTIMIZATION (given): +2",
                "relevance: 5/5 (given): +5");
    }

    @Test
    void theoreticalReferenceCaseIsLowWithTwo() {
        Scoring s = score(false, 24, 15, PaperType.THEORETICAL, 2);
        assertThat(s.score()).isEqualTo(2);
        assertThat(s.priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void codeCountsOnlyUnderSixMonths() {
        assertThat(points(score(true, 5.99, null, PaperType.EMPIRICAL, 1), "code")).isEqualTo(3);
        assertThat(points(score(true, 6.0, null, PaperType.EMPIRICAL, 1), "code")).isZero();
        assertThat(points(score(false, 0.4, null, PaperType.EMPIRICAL, 1), "code")).isZero();
    }

    @Test
    void fiveCitationsPerMonthIsNotEnoughButJustOverIs() {
        assertThat(points(score(false, 100, 500, PaperType.EMPIRICAL, 1), "citations")).isZero();
        assertThat(points(score(false, 100, 501, PaperType.EMPIRICAL, 1), "citations")).isEqualTo(1);
    }

    @Test
    void twentyCitationsPerMonthGivesOneAndJustOverGivesTwo() {
        assertThat(points(score(false, 100, 2000, PaperType.EMPIRICAL, 1), "citations")).isEqualTo(1);
        assertThat(points(score(false, 100, 2001, PaperType.EMPIRICAL, 1), "citations")).isEqualTo(2);
    }

    @Test
    void monthsUnderOneCountAsOneForCitationsPerMonth() {
        // 21 citations at 0 months would be infinite per month; with max(months, 1) it is 21/month
        assertThat(points(score(false, 0, 21, PaperType.EMPIRICAL, 1), "citations")).isEqualTo(2);
        assertThat(points(score(false, 0, 20, PaperType.EMPIRICAL, 1), "citations")).isEqualTo(1);
        assertThat(points(score(false, 0.5, 5, PaperType.EMPIRICAL, 1), "citations")).isZero();
        assertThat(points(score(false, 0.5, 6, PaperType.EMPIRICAL, 1), "citations")).isEqualTo(1);
    }

    @Test
    void unknownCitationsAddNothingAndSaySo() {
        Scoring s = score(false, 3, null, PaperType.EMPIRICAL, 1);
        assertThat(points(s, "citations")).isZero();
        assertThat(s.reasons()).contains("citations: unknown (no provider configured): +0");
        assertThat(s.citations()).isNull();
    }

    @Test
    void onlyArchitectureAndOptimizationGetTypePoints() {
        for (PaperType t : PaperType.values()) {
            int expected = t == PaperType.ARCHITECTURE || t == PaperType.OPTIMIZATION ? 2 : 0;
            assertThat(points(score(false, 10, null, t, 1), "type")).as(t.name()).isEqualTo(expected);
        }
    }

    @Test
    void priorityThresholdsAreFourAndSeven() {
        // relevance 3 alone; + type 2 makes 5; code 3 + relevance 3 = 6; code + type + relevance 2 = 7
        assertThat(score(false, 10, null, PaperType.EMPIRICAL, 3).priority()).isEqualTo(Priority.LOW);
        assertThat(score(false, 10, null, PaperType.EMPIRICAL, 4).priority()).isEqualTo(Priority.MEDIUM);
        Scoring six = score(true, 1, null, PaperType.EMPIRICAL, 3);
        Scoring seven = score(true, 1, null, PaperType.OPTIMIZATION, 2);
        assertThat(six.score()).isEqualTo(6);
        assertThat(six.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(seven.score()).isEqualTo(7);
        assertThat(seven.priority()).isEqualTo(Priority.HIGH);
        assertThat(score(false, 10, null, PaperType.EMPIRICAL, 3).score()).isEqualTo(3);
    }

    @Test
    void monthsAreShownWithoutRoundingAcrossTheBoundary() {
        assertThat(score(true, 5.999, null, PaperType.EMPIRICAL, 1).reasons().get(0))
                .isEqualTo("code: github.com/x/y found in abstract, 5.99 months old: +3");
    }

    @Test
    void relevanceOutsideOneToFiveIsRejected() {
        assertThatThrownBy(() -> inputs(false, 1, null, PaperType.EMPIRICAL, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inputs(false, 1, null, PaperType.EMPIRICAL, 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inputs(false, 1, -1, PaperType.EMPIRICAL, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
