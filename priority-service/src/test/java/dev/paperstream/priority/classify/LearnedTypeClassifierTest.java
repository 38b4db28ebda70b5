package dev.paperstream.priority.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.text.TokenizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnedTypeClassifierTest {

    @Test
    void theCommittedSetHasAtLeastFortyPapersOfEveryType() {
        List<LabelledPaper> set = LabelledPaper.committedSet();
        assertThat(set).hasSizeGreaterThanOrEqualTo(200);
        for (PaperType t : PaperType.values()) {
            assertThat(set.stream().filter(p -> p.type() == t).count()).as(t.name()).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void crossValidatedAccuracyIsAtLeastEightyPercentAndBeatsTheKeywordRule() {
        List<LabelledPaper> set = LabelledPaper.committedSet();
        TypeEvaluation learned = TypeEvaluation.crossValidate(set, 5, 42, LearnedTypeClassifier::train);
        TypeEvaluation keywords = TypeEvaluation.test(new KeywordTypeRule(), set);
        System.out.printf("paper type, 5-fold CV on %d labelled papers: learned %.3f, keyword rule %.3f%n%s",
                set.size(), learned.accuracy(), keywords.accuracy(), learned.confusionMarkdown());
        assertThat(learned.accuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(learned.accuracy()).isGreaterThan(keywords.accuracy());
    }

    @Test
    void theDecisionNamesTheWordsThatPushedIt() {
        LearnedTypeClassifier c = LearnedTypeClassifier.fromCommittedSet();
        TypeDecision d = c.classify(TokenizedText.of("A fused GPU kernel for attention",
                "We reduce memory traffic and obtain a 2x speedup in throughput."));
        assertThat(d.type()).isEqualTo(PaperType.OPTIMIZATION);
        assertThat(d.evidence()).matches("p=0\\.\\d\\d; .+ \\+0\\.\\d\\d.*");
    }
}
