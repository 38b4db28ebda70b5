package dev.paperstream.priority.classify;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.text.TokenizedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Accuracy and confusion matrix of a type classifier, by k-fold cross-validation on labelled papers. */
public final class TypeEvaluation {
    private final int[][] confusion = new int[PaperType.values().length][PaperType.values().length];

    /** Trains on k-1 folds and tests on the held-out fold, k times; the folds are fixed by {@code seed}. */
    public static TypeEvaluation crossValidate(List<LabelledPaper> papers, int k, long seed,
            Function<List<LabelledPaper>, PaperTypeClassifier> trainer) {
        List<LabelledPaper> shuffled = new ArrayList<>(papers);
        Collections.shuffle(shuffled, new Random(seed));
        TypeEvaluation eval = new TypeEvaluation();
        for (int fold = 0; fold < k; fold++) {
            List<LabelledPaper> train = new ArrayList<>();
            List<LabelledPaper> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == fold ? test : train).add(shuffled.get(i));
            }
            eval.add(trainer.apply(train), test);
        }
        return eval;
    }

    /** Tests a fixed classifier on all papers. */
    public static TypeEvaluation test(PaperTypeClassifier classifier, List<LabelledPaper> papers) {
        TypeEvaluation eval = new TypeEvaluation();
        eval.add(classifier, papers);
        return eval;
    }

    private void add(PaperTypeClassifier classifier, List<LabelledPaper> papers) {
        for (LabelledPaper p : papers) {
            PaperType predicted = classifier.classify(TokenizedText.of(p.title(), p.abstractText())).type();
            confusion[p.type().ordinal()][predicted.ordinal()]++;
        }
    }

    public double accuracy() {
        int right = 0;
        int all = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                all += confusion[i][j];
                right += i == j ? confusion[i][j] : 0;
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }

    /** Rows are the labels, columns the predictions, as a Markdown table. */
    public String confusionMarkdown() {
        StringBuilder s = new StringBuilder("| label \\ predicted |");
        for (PaperType t : PaperType.values()) {
            s.append(' ').append(t).append(" |");
        }
        s.append("\n|---|").append("---|".repeat(PaperType.values().length)).append('\n');
        for (PaperType label : PaperType.values()) {
            s.append("| ").append(label).append(" |");
            for (PaperType predicted : PaperType.values()) {
                s.append(' ').append(confusion[label.ordinal()][predicted.ordinal()]).append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }
}
