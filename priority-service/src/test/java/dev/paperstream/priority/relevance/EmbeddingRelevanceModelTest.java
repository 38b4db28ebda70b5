package dev.paperstream.priority.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The learned model with embedding features, on tiny synthetic embeddings whose meaning the words do not carry:
 * every text is a different nonsense word, liked papers point one way and disliked ones the other.
 */
class EmbeddingRelevanceModelTest {
    private static final float[] LIKED = {0.8f, 0.6f, 0f, 0f};
    private static final float[] DISLIKED = {0f, 0f, 0.6f, 0.8f};

    private static List<Example> examples(boolean withEmbeddings) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean liked = i % 2 == 0;
            out.add(new Example(TokenizedText.of("word" + i), liked,
                    withEmbeddings ? (liked ? LIKED : DISLIKED) : null));
        }
        return out;
    }

    @Test
    void aModelTrainedWithEmbeddingsRatesByMeaningWhereTheWordsAreNew() {
        LearnedRelevance model = LearnedRelevance.train(examples(true)).orElseThrow();
        assertThat(model.usesEmbeddings()).isTrue();
        TokenizedText unseen = TokenizedText.of("neverseen");
        RelevanceDecision near = model.rate(unseen, Optional.of(new float[] {0.7f, 0.7f, 0.1f, 0.1f}));
        RelevanceDecision far = model.rate(unseen, Optional.of(new float[] {0.1f, 0.1f, 0.7f, 0.7f}));
        assertThat(near.relevance()).isGreaterThan(far.relevance());
        assertThat(near.evidence()).contains("words and meaning");
    }

    @Test
    void aPaperWithoutAnEmbeddingIsRatedOnItsWordsAloneAndSaysSo() {
        LearnedRelevance model = LearnedRelevance.train(examples(true)).orElseThrow();
        TokenizedText unseen = TokenizedText.of("neverseen");
        RelevanceDecision words = model.rate(unseen);
        assertThat(words.evidence()).contains("words only (no embedding yet)");
        assertThat(words.relevance()).isEqualTo(3); // no known word, no meaning: p(like) = 0.5
    }

    @Test
    void withoutAnyEmbeddedExampleTheModelIsTheWordsModelAndIgnoresAGivenEmbedding() {
        LearnedRelevance model = LearnedRelevance.train(examples(false)).orElseThrow();
        assertThat(model.usesEmbeddings()).isFalse();
        TokenizedText text = TokenizedText.of("word0");
        assertThat(model.rate(text, Optional.of(DISLIKED))).isEqualTo(model.rate(text));
        assertThat(model.rate(text).evidence()).doesNotContain("meaning");
    }

    @Test
    void heldOutAucIsMeasuredBothWaysOnTheSameFolds() {
        List<Example> embedded = examples(true);
        assertThat(HeldOutAuc.of(embedded).orElseThrow().auc()).isEqualTo(1.0);
        HeldOutAuc.Result words = HeldOutAuc.wordsOnly(embedded).orElseThrow();
        assertThat(words.auc()).as("each text's one word is unseen in the other folds").isEqualTo(0.5);
        assertThat(words.folds()).isEqualTo(HeldOutAuc.of(embedded).orElseThrow().folds());
    }
}
