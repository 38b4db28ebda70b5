package dev.paperstream.priority.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import dev.paperstream.priority.text.TokenizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutAucTest {
    private static Example ex(String text, boolean liked) {
        return new Example(TokenizedText.of(text, ""), liked);
    }

    @Test
    void separableVotesRankEveryHeldOutLikeAboveEveryHeldOutDislike() {
        List<Example> votes = List.of(ex("attention kernel gpu", true), ex("galaxy stars", false),
                ex("attention kernel fused", true), ex("galaxy lensing", false), ex("kernel attention memory", true),
                ex("galaxy cluster", false));
        HeldOutAuc.Result r = HeldOutAuc.of(votes).orElseThrow();
        assertThat(r.folds()).isEqualTo(3);
        assertThat(r.auc()).isEqualTo(1.0);
    }

    @Test
    void votesWithoutAHiddenWordInCommonRankNoBetterThanChance() {
        List<Example> votes = List.of(ex("alpha", true), ex("beta", false), ex("gamma", true), ex("delta", false));
        assertThat(HeldOutAuc.of(votes).orElseThrow().auc()).isEqualTo(0.5);
    }

    @Test
    void fewerThanTwoOfAKindCannotBeCrossValidated() {
        assertThat(HeldOutAuc.of(List.of(ex("a", true), ex("b", true), ex("c", false)))).isEmpty();
    }

    @Test
    void theStrongestTermsOfALearnedModelAreTheWordsOfItsLikesAndDislikes() {
        LearnedRelevance model = LearnedRelevance.fit(List.of(ex("attention kernel", true), ex("galaxy stars", false)));
        assertThat(model.strongestTerms(5, true)).extracting(WeightedTerm::term)
                .contains("attention", "kernel", "attention kernel");
        assertThat(model.strongestTerms(5, false)).extracting(WeightedTerm::term).contains("galaxy", "stars");
    }
}
