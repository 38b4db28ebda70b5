package dev.paperstream.priority.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.priority.classify.LabelledPaper;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutFeedbackTest {

    @Test
    void learnedRelevanceRanksHeldOutLikedPapersAboveDislikedOnesBetterThanTheKeywords() {
        List<LabelledPaper> papers = LabelledPaper.committedSet();
        HeldOutFeedback.Aucs efficiency = HeldOutFeedback.evaluate(papers, HeldOutFeedback.efficiencyTeam(), 5, 7);
        HeldOutFeedback.Aucs architecture = HeldOutFeedback.evaluate(papers, HeldOutFeedback.architectureTeam(), 5, 7);
        System.out.printf("held-out AUC, efficiency team: learned %.3f, keywords %.3f; architecture team: learned %.3f,"
                + " keywords %.3f (%d votes each)%n", efficiency.learned(), efficiency.keywords(),
                architecture.learned(), architecture.keywords(), efficiency.votes());
        assertThat(efficiency.learned()).isGreaterThan(efficiency.keywords()).isGreaterThan(0.8);
        assertThat(architecture.learned()).isGreaterThan(architecture.keywords()).isGreaterThan(0.8);
    }
}
