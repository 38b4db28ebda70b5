package dev.paperstream.priority.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.priority.citations.CitationCount;
import dev.paperstream.priority.classify.KeywordTypeRule;
import dev.paperstream.priority.relevance.ProfileRelevance;
import dev.paperstream.priority.relevance.WeightedTerm;
import dev.paperstream.priority.text.PaperText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PaperScorerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    private static final ProfileRelevance KEYWORDS = new ProfileRelevance(Stream.of("attention", "transformer",
            "flashattention", "kernel", "gpu", "cuda", "inference", "training", "llm", "language model",
            "quantization", "memory", "throughput", "latency", "sparse", "mixture of experts", "efficient")
            .map(k -> new WeightedTerm(k, 1)).toList());
    private final PaperScorer scorer = new PaperScorer(new KeywordTypeRule());

    @Test
    void monthsAreDaysSinceVersionOneOverThirtyPointFour() {
        Instant published = NOW.minus(Duration.ofDays(3043)).minus(Duration.ofHours(18));
        assertThat(PaperScorer.monthsBetween(published, NOW)).isEqualTo(100.0);
        assertThat(PaperScorer.monthsBetween(NOW.plusSeconds(60), NOW)).isZero();
    }

    @Test
    void aRecentAttentionKernelPaperWithGithubCodeIsHigh() {
        PaperText paper = new PaperText("Fused attention kernels for GPUs",
                "We present an IO-aware attention kernel that gives a 3x speedup in LLM inference on GPUs "
                        + "with less memory. Code: https://github.com/example/fused-attn.",
                null, List.of("cs.LG"), NOW.minus(Duration.ofDays(10)), List.of(), List.of());
        Scoring s = scorer.score(paper, KEYWORDS, CitationCount.unknown("no provider configured"),
                Overrides.NONE, NOW);
        assertThat(s.priority()).isEqualTo(Priority.HIGH);
        assertThat(s.paperType()).isEqualTo(PaperType.OPTIMIZATION);
        assertThat(s.hasCode()).isTrue();
        assertThat(s.relevance()).isEqualTo(5);
        assertThat(s.reasons().get(0)).isEqualTo("code: github.com/example/fused-attn found in abstract, 0.32 months old: +3");
        assertThat(s.reasons().get(3)).startsWith("relevance: 5/5 (matched: attention, kernel, gpu, inference, llm");
    }

    @Test
    void aTheoreticalHepThPaperWithoutKeywordsIsLow() {
        PaperText paper = new PaperText("Holographic entanglement in de Sitter space",
                "We prove a theorem on the entanglement entropy of de Sitter horizons and derive a lower bound.",
                "24 pages", List.of("hep-th"), NOW.minus(Duration.ofDays(40)), List.of(), List.of());
        Scoring s = scorer.score(paper, KEYWORDS, CitationCount.unknown("no provider configured"),
                Overrides.NONE, NOW);
        assertThat(s.priority()).isEqualTo(Priority.LOW);
        assertThat(s.paperType()).isEqualTo(PaperType.THEORETICAL);
        assertThat(s.relevance()).isEqualTo(1);
        assertThat(s.score()).isEqualTo(1);
    }

    @Test
    void overridesReplaceWhatWouldBeDerived() {
        PaperText paper = new PaperText("anything", "", null, List.of(), null, List.of(), List.of());
        Scoring s = scorer.score(paper, KEYWORDS, CitationCount.unknown("x"),
                new Overrides(PaperType.OPTIMIZATION, 500, 12.0, true, 5), NOW);
        assertThat(s.score()).isEqualTo(9);
        assertThat(s.citations()).isEqualTo(500);
    }

    @Test
    void theParsedFullTextsOutlineCountsForThePaperType() {
        String title = "Entanglement in random circuits";
        String abstractText = "We study entanglement growth in random quantum circuits of many qubits.";
        PaperText metadataOnly = new PaperText(title, abstractText, null, List.of("quant-ph"),
                NOW.minus(Duration.ofDays(40)), List.of(), List.of());
        PaperText parsed = new PaperText(title, abstractText, null, List.of("quant-ph"),
                NOW.minus(Duration.ofDays(40)), List.of(), List.of(),
                "1 Introduction. 2 Main theorem. 3 Proof of the upper bound. 4 A matching lower bound. Lemma 5.");
        CitationCount unknown = CitationCount.unknown("no provider configured");

        assertThat(scorer.score(metadataOnly, KEYWORDS, unknown, Overrides.NONE, NOW).paperType())
                .isEqualTo(PaperType.EMPIRICAL);
        Scoring withFullText = scorer.score(parsed, KEYWORDS, unknown, Overrides.NONE, NOW);
        assertThat(withFullText.paperType()).isEqualTo(PaperType.THEORETICAL);
        assertThat(withFullText.reasons().get(2)).startsWith("type: THEORETICAL").contains("theorem");
    }
}
