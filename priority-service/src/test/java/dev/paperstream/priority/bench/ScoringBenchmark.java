package dev.paperstream.priority.bench;

import dev.paperstream.priority.citations.CitationCount;
import dev.paperstream.priority.classify.KeywordTypeRule;
import dev.paperstream.priority.classify.LabelledPaper;
import dev.paperstream.priority.classify.LearnedTypeClassifier;
import dev.paperstream.priority.classify.TypeEvaluation;
import dev.paperstream.priority.relevance.HeldOutFeedback;
import dev.paperstream.priority.relevance.LearnedRelevance;
import dev.paperstream.priority.relevance.LearnedRelevance.Example;
import dev.paperstream.priority.scoring.Overrides;
import dev.paperstream.priority.scoring.PaperScorer;
import dev.paperstream.priority.text.PaperText;
import dev.paperstream.priority.text.TokenizedText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the scoring throughput on one thread (tokenizing, paper type, TF-IDF learned relevance, code
 * detection and the rule), the paper-type accuracy and the relevance AUCs. Not a test: run it with
 * the command in the module's README.
 */
public final class ScoringBenchmark {

    public static void main(String[] args) {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<LabelledPaper> set = LabelledPaper.committedSet();

        TypeEvaluation learned = TypeEvaluation.crossValidate(set, 5, 42, LearnedTypeClassifier::train);
        TypeEvaluation keywords = TypeEvaluation.test(new KeywordTypeRule(), set);
        System.out.printf("paper type on %d labelled papers: learned (5-fold CV) %.1f%%, keyword rule %.1f%%%n",
                set.size(), 100 * learned.accuracy(), 100 * keywords.accuracy());
        System.out.print(learned.confusionMarkdown());

        for (var team : List.of(new Object[] {"efficiency", HeldOutFeedback.efficiencyTeam()},
                new Object[] {"architecture", HeldOutFeedback.architectureTeam()})) {
            @SuppressWarnings("unchecked")
            var likes = (java.util.function.Predicate<LabelledPaper>) team[1];
            HeldOutFeedback.Aucs aucs = HeldOutFeedback.evaluate(set, likes, 5, 7);
            System.out.printf("held-out AUC, %s team (%d votes, 5 folds): learned %.3f, keyword profile %.3f%n",
                    team[0], aucs.votes(), aucs.learned(), aucs.keywords());
        }

        PaperScorer scorer = new PaperScorer(LearnedTypeClassifier.fromCommittedSet());
        List<Example> votes = new ArrayList<>();
        set.forEach(p -> votes.add(new Example(TokenizedText.of(p.title(), p.abstractText()),
                HeldOutFeedback.efficiencyTeam().test(p))));
        LearnedRelevance relevance = LearnedRelevance.train(votes).orElseThrow();
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        List<PaperText> inputs = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            LabelledPaper p = set.get(i);
            inputs.add(new PaperText(p.title(), p.abstractText(),
                    i % 3 == 0 ? "12 pages, code at https://github.com/example/repo" + i : "10 pages",
                    List.of("cs.LG"), now.minus(Duration.ofDays(i)), List.of(), List.of()));
        }
        CitationCount unknown = CitationCount.unknown("benchmark");
        long checksum = 0;
        for (int i = 0; i < 50_000; i++) {
            checksum += scorer.score(inputs.get(i % inputs.size()), relevance, unknown, Overrides.NONE, now).score();
        }
        long start = System.nanoTime();
        for (int i = 0; i < papers; i++) {
            checksum += scorer.score(inputs.get(i % inputs.size()), relevance, unknown, Overrides.NONE, now).score();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("scoring on one thread: %d papers in %.2f s = %.0f papers/s (checksum %d)%n",
                papers, seconds, papers / seconds, checksum);
    }

    private ScoringBenchmark() {
    }
}
