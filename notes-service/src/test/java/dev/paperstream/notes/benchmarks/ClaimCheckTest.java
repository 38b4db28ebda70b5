package dev.paperstream.notes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.notes.notes.ClaimExtractor;
import dev.paperstream.support.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    private static BenchmarkCompleted run(String job, String gpu, Instant at, double naiveMs, double tiledMs, int seqLen) {
        return BenchmarkRuns.run(job, gpu, "b1", at, null, List.of(BenchmarkRuns.row("naive", seqLen, naiveMs, 1, 1L << 30),
                BenchmarkRuns.row("tiled", seqLen, tiledMs, 2, 1L << 26)));
    }

    @Test
    void aClaimFarAboveTheMeasurementIsNotReproducedAndTheNewestRunOfEachDeviceCounts() {
        String text = "Our kernel is 10x faster at sequence length 2048.";
        ClaimCheck.Report r = ClaimCheck.of("2611.00001", text, ClaimExtractor.extract(text), List.of(
                run("old", "GPU A", T, 10, 1, 2048), run("new", "GPU A", T.plusSeconds(60), 10, 5, 2048),
                run("other", "GPU B", T, 10, 1.2, 2048)));
        assertThat(r.rows()).extracting(ClaimCheck.Row::jobId).containsExactly("new", "other");
        assertThat(r.rows()).extracting(ClaimCheck.Row::verdict)
                .containsExactly(ClaimCheck.Verdict.NOT_REPRODUCED, ClaimCheck.Verdict.PARTLY_REPRODUCED);
        assertThat(r.rows().get(0).verdictText()).isEqualTo("Not reproduced: measured 2.00x vs claimed 10x (20% of the claim) on GPU A");
    }

    @Test
    void aPaperThatStatesNoLengthIsCheckedAtEveryMeasuredLength() {
        String text = "We are 2x faster.";
        ClaimCheck.Report r = ClaimCheck.of("2611.00002", text, ClaimExtractor.extract(text), List.of(
                run("a", "GPU A", T, 4, 2, 512), run("b", "GPU A", T.plusSeconds(1), 8, 2, 1024)));
        assertThat(r.rows()).extracting(ClaimCheck.Row::seqLen).containsExactly(512, 1024);
        assertThat(r.rows()).extracting(ClaimCheck.Row::shapeFrom)
                .containsOnly("the benchmark's sweep (the paper states no sequence length)");
        assertThat(r.rows()).extracting(ClaimCheck.Row::verdict).containsOnly(ClaimCheck.Verdict.REPRODUCED);
    }

    @Test
    void accuracyClaimsAreNotBenchmarkClaims() {
        String text = "We reach 95.1% accuracy at sequence length 1024.";
        assertThat(ClaimCheck.of("2611.00003", text, ClaimExtractor.extract(text), List.of()).rows()).isEmpty();
    }

    @Test
    void aShapeKeyNamesItsShapeAndAMalformedOneIsABadRequest() {
        BenchmarkShape s = BenchmarkShape.parse("b2-h16-n4096-d128-bf16-causal");
        assertThat(s).isEqualTo(new BenchmarkShape(2, 16, 4096, 128, "bf16", true));
        assertThat(s.key()).isEqualTo("b2-h16-n4096-d128-bf16-causal");
        assertThat(s.label()).isEqualTo("B=2 H=16 N=4096 D=128 bf16 causal");
        assertThatThrownBy(() -> BenchmarkShape.parse("n4096")).isInstanceOf(ProblemException.class);
    }
}
