package dev.paperstream.priority.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.priority.text.TokenizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordRelevanceTest {
    private final KeywordRelevance relevance = new KeywordRelevance(
            List.of("attention", "gpu", "language model", "mixture of experts", "cuda"));

    @Test
    void oneAndOnePerDistinctKeywordCaseInsensitive() {
        assertThat(relevance.rate(TokenizedText.of("Nothing here")).relevance()).isEqualTo(1);
        assertThat(relevance.rate(TokenizedText.of("ATTENTION on GPUs, attention again")))
                .isEqualTo(new RelevanceDecision(3, "matched: attention, gpu"));
    }

    @Test
    void phrasesMatchAcrossPluralsAndCapAtFive() {
        RelevanceDecision d = relevance.rate(TokenizedText.of(
                "Large Language Models with a Mixture-of-Experts attention in CUDA on a GPU"));
        assertThat(d.relevance()).isEqualTo(5);
        assertThat(d.evidence()).isEqualTo("matched: attention, gpu, language model, mixture of experts, cuda");
    }
}
