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
import java.util.Optional;

/** Derives the rule's inputs from a paper (unless overridden) and applies the seed rule. */
public final class PaperScorer {
    public static final double DAYS_PER_MONTH = 30.4375;
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final PaperTypeClassifier classifier;

    public PaperScorer(PaperTypeClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * What a score takes from the paper's text alone, the same for every team: worked out once a paper, not
     * once a (paper, team) (tokenizing and classifying were a third of priority's CPU on the triage path).
     */
    public record PaperFacts(PaperText paper, TokenizedText titleAndAbstract, TypeDecision type, CodeEvidence code,
            Optional<float[]> embedding) {
        /** The same facts with the type a person gave instead of the classifier's. */
        public PaperFacts withType(TypeDecision corrected) {
            return new PaperFacts(paper, titleAndAbstract, corrected, code, embedding);
        }

        /** The same facts with the paper's embedding, for relevance models that read it. */
        public PaperFacts withEmbedding(float[] meaning) {
            return new PaperFacts(paper, titleAndAbstract, type, code, Optional.ofNullable(meaning));
        }
    }

    public PaperFacts facts(PaperText paper) {
        return facts(paper, Overrides.NONE);
    }

    public Scoring score(PaperText paper, RelevanceModel relevanceModel, CitationCount citations,
            Overrides overrides, Instant now) {
        return score(facts(paper, overrides), relevanceModel, citations, overrides, now);
    }

    public Scoring score(PaperFacts facts, RelevanceModel relevanceModel, CitationCount citations, Instant now) {
        return score(facts, relevanceModel, citations, Overrides.NONE, now);
    }

    private PaperFacts facts(PaperText paper, Overrides overrides) {
        TokenizedText titleAndAbstract = TokenizedText.of(paper.title(), paper.abstractText());
        TypeDecision type = overrides.paperType() != null
                ? new TypeDecision(overrides.paperType(), "given")
                : classifier.classify(titleAndAbstract
                        .followedBy(TokenizedText.of(paper.comment() == null ? "" : paper.comment()))
                        .followedBy(TokenizedText.of(paper.fullTextOutline())));
        CodeEvidence code = overrides.hasCode() != null
                ? new CodeEvidence(overrides.hasCode(), overrides.hasCode() ? "code given as present" : "code given as absent")
                : CodeDetector.detect(paper.codeLinks(), paper.abstractText(), paper.comment(), paper.fullTextCodeLinks());
        return new PaperFacts(paper, titleAndAbstract, type, code, Optional.empty());
    }

    private Scoring score(PaperFacts facts, RelevanceModel relevanceModel, CitationCount citations,
            Overrides overrides, Instant now) {
        RelevanceDecision relevance = overrides.relevance() != null
                ? new RelevanceDecision(overrides.relevance(), "given")
                : relevanceModel.rate(facts.titleAndAbstract(), facts.embedding());
        double months = overrides.monthsSincePublication() != null
                ? overrides.monthsSincePublication()
                : monthsBetween(facts.paper().published(), now);
        CitationCount cites = overrides.citations() != null
                ? new CitationCount(overrides.citations(), "given")
                : citations;
        return SeedRule.apply(new ScoringInputs(facts.code().found(), facts.code().description(), months,
                cites.count(), cites.note(), facts.type().type(), facts.type().evidence(),
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
