package dev.paperstream.priority.scoring;

import dev.paperstream.priority.citations.CitationCount;
import dev.paperstream.priority.classify.PaperTypeClassifier;
import dev.paperstream.priority.classify.TypeDecision;
import dev.paperstream.priority.relevance.RelevanceDecision;
import dev.paperstream.priority.relevance.RelevanceModel;
import dev.paperstream.priority.scoring.CodeDetector.CodeEvidence;
import dev.paperstream.priority.text.PaperText;
import dev.paperstream.priority.text.TokenizedText;
import java.time.Duration;
import java.time.Instant;

/** Derives the rule's inputs from a paper (unless overridden) and applies the seed rule. */
public final class PaperScorer {
    public static final double DAYS_PER_MONTH = 30.4375;
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final PaperTypeClassifier classifier;

    public PaperScorer(PaperTypeClassifier classifier) {
        this.classifier = classifier;
    }

    public Scoring score(PaperText paper, RelevanceModel relevanceModel, CitationCount citations,
            Overrides overrides, Instant now) {
        TokenizedText titleAndAbstract = TokenizedText.of(paper.title(), paper.abstractText());
        TypeDecision type = overrides.paperType() != null
                ? new TypeDecision(overrides.paperType(), "given")
                : classifier.classify(titleAndAbstract
                        .followedBy(TokenizedText.of(paper.comment() == null ? "" : paper.comment()))
                        .followedBy(TokenizedText.of(paper.fullTextOutline())));
        RelevanceDecision relevance = overrides.relevance() != null
                ? new RelevanceDecision(overrides.relevance(), "given")
                : relevanceModel.rate(titleAndAbstract);
        CodeEvidence code = overrides.hasCode() != null
                ? new CodeEvidence(overrides.hasCode(), overrides.hasCode() ? "code given as present" : "code given as absent")
                : CodeDetector.detect(paper.codeLinks(), paper.abstractText(), paper.comment(), paper.fullTextCodeLinks());
        double months = overrides.monthsSincePublication() != null
                ? overrides.monthsSincePublication()
                : monthsBetween(paper.published(), now);
        CitationCount cites = overrides.citations() != null
                ? new CitationCount(overrides.citations(), "given")
                : citations;
        return SeedRule.apply(new ScoringInputs(code.found(), code.description(), months,
                cites.count(), cites.note(), type.type(), type.evidence(),
                relevance.relevance(), relevance.evidence()));
    }

    /** Months between first publication and now: days / 30.4375, never negative. */
    public static double monthsBetween(Instant published, Instant now) {
        if (published == null) {
            throw new IllegalArgumentException("the publication date of version 1 is needed");
        }
        double days = Duration.between(published, now).toMillis() / MILLIS_PER_DAY;
        return Math.max(0.0, days / DAYS_PER_MONTH);
    }
}
