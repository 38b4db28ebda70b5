package dev.paperstream.priority.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnedRelevanceTest {

    private static Example ex(String text, boolean liked) {
        return new Example(TokenizedText.of(text), liked);
    }

    private static List<Example> votes() {
        List<Example> v = new ArrayList<>();
        v.add(ex("Tiled attention kernels on GPUs with shared memory", true));
        v.add(ex("A fused softmax kernel for transformer inference", true));
        v.add(ex("Paged key-value cache for serving large language models", true));
        v.add(ex("Low-bit quantization of attention for fast GPU inference", true));
        v.add(ex("A survey of galaxy rotation curves in dwarf galaxies", false));
        v.add(ex("Protein folding dynamics from molecular simulation", false));
        v.add(ex("Stellar populations in globular clusters observed by Gaia", false));
        v.add(ex("Crop yield forecasting with satellite imagery in Kenya", false));
        return v;
    }

    @Test
    void tooFewVotesOfEitherKindLeaveTheProfileInCharge() {
        assertThat(LearnedRelevance.train(votes().subList(0, 6))).isEmpty();
        assertThat(LearnedRelevance.train(votes())).isPresent();
    }

    @Test
    void unseenPapersLikeTheLikedOnesRankAboveUnseenPapersLikeTheDislikedOnes() {
        LearnedRelevance model = LearnedRelevance.train(votes()).orElseThrow();
        TokenizedText gpu = TokenizedText.of("Faster attention kernels for GPU inference");
        TokenizedText astro = TokenizedText.of("Dwarf galaxies and stellar clusters");
        assertThat(model.probability(gpu)).isGreaterThan(0.5).isGreaterThan(model.probability(astro));
        assertThat(model.probability(astro)).isLessThan(0.5);
        RelevanceDecision d = model.rate(gpu);
        assertThat(d.relevance()).isGreaterThan(model.rate(astro).relevance());
        assertThat(d.evidence()).startsWith("learned from 8 votes, p(like)=").contains("attention +", "kernels +");
    }

    @Test
    void aucCountsOrderedPairsAndTiesAsHalf() {
        assertThat(Auc.of(List.of(0.9, 0.1), List.of(true, false))).isEqualTo(1.0);
        assertThat(Auc.of(List.of(0.1, 0.9), List.of(true, false))).isEqualTo(0.0);
        assertThat(Auc.of(List.of(0.5, 0.5, 0.9), List.of(true, false, false))).isEqualTo(0.25);
    }
}
