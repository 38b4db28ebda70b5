package dev.paperstream.priority.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.text.TokenizedText;
import org.junit.jupiter.api.Test;

class KeywordTypeRuleTest {
    private final KeywordTypeRule rule = new KeywordTypeRule();

    private TypeDecision classify(String text) {
        return rule.classify(TokenizedText.of(text));
    }

    @Test
    void optimizationCuesWinAndAreListed() {
        TypeDecision d = classify("A fused kernel that accelerates attention with a 2x speedup");
        assertThat(d.type()).isEqualTo(PaperType.OPTIMIZATION);
        assertThat(d.evidence()).isEqualTo("matched: speedup, kernel, accelerat*");
    }

    @Test
    void eachTypeHasItsCues() {
        assertThat(classify("We propose a new architecture built from a novel gating layer").type())
                .isEqualTo(PaperType.ARCHITECTURE);
        assertThat(classify("We prove a theorem and a tight lemma").type()).isEqualTo(PaperType.THEORETICAL);
        assertThat(classify("We apply transformers in a case study of hospital records").type())
                .isEqualTo(PaperType.APPLICATION);
        assertThat(classify("We compare ten optimizers on five datasets").type()).isEqualTo(PaperType.EMPIRICAL);
    }
}
