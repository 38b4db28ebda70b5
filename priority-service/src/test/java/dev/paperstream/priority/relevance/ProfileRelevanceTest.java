package dev.paperstream.priority.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.priority.text.TokenizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileRelevanceTest {
    private final ProfileRelevance keywords = new ProfileRelevance(List.of(new WeightedTerm("attention", 1),
            new WeightedTerm("gpu", 1), new WeightedTerm("language model", 1), new WeightedTerm("mixture of experts", 1),
            new WeightedTerm("cuda", 1)));

    @Test
    void withUnitWeightsItIsOnePlusTheDistinctKeywordsCaseInsensitive() {
        assertThat(keywords.rate(TokenizedText.of("Nothing here")).relevance()).isEqualTo(1);
        assertThat(keywords.rate(TokenizedText.of("ATTENTION on GPUs, attention again")))
                .isEqualTo(new RelevanceDecision(3, "matched: attention, gpu"));
    }

    @Test
    void phrasesMatchAcrossPluralsAndRelevanceCapsAtFive() {
        RelevanceDecision d = keywords.rate(TokenizedText.of(
                "Large Language Models with a Mixture-of-Experts attention in CUDA on a GPU"));
        assertThat(d.relevance()).isEqualTo(5);
        assertThat(d.evidence()).isEqualTo("matched: attention, gpu, language model, mixture of experts, cuda");
    }

    @Test
    void weightsAddUpAndNegativeTermsPullDownButNeverBelowOne() {
        ProfileRelevance weighted = new ProfileRelevance(List.of(new WeightedTerm("flashattention", 3),
                new WeightedTerm("survey", -2), new WeightedTerm("gpu", 0.5)));
        assertThat(weighted.rate(TokenizedText.of("FlashAttention on a GPU")).relevance()).isEqualTo(5);
        assertThat(weighted.rate(TokenizedText.of("FlashAttention: a survey")))
                .isEqualTo(new RelevanceDecision(2, "matched: flashattention (+3.0), survey (-2.0)"));
        assertThat(weighted.rate(TokenizedText.of("a survey")).relevance()).isEqualTo(1);
        assertThat(weighted.interested(TokenizedText.of("a survey"))).isFalse();
        assertThat(weighted.interested(TokenizedText.of("GPUs"))).isTrue();
    }
}
