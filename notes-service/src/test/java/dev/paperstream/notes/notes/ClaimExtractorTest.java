package dev.paperstream.notes.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimExtractorTest {

    @Test
    void findsSpeedupMemoryAndAccuracyClaimsWithTheirSentences() {
        List<NumericClaim> claims = ClaimExtractor.extract("Attention is slow. Our kernel is 3x faster than "
                + "PyTorch on GPT-2. It uses 10x less memory at sequence length 4096. We reach 95.1% accuracy on "
                + "ImageNet.");

        assertThat(claims).extracting(NumericClaim::kind, NumericClaim::value, NumericClaim::unit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(NumericClaim.SPEEDUP, 3.0, "x"),
                        org.assertj.core.groups.Tuple.tuple(NumericClaim.MEMORY, 10.0, "x"),
                        org.assertj.core.groups.Tuple.tuple(NumericClaim.ACCURACY, 95.1, "%"));
        assertThat(claims.get(0).context()).isEqualTo("Our kernel is 3x faster than PyTorch on GPT-2.");
        assertThat(claims.get(1).quantity()).isEqualTo("less memory");
        assertThat(claims.get(2).phrase()).isEqualTo("95.1% accuracy");
    }

    @Test
    void readsOtherWaysOfWritingTheSameClaims() {
        assertThat(ClaimExtractor.extract("FlashAttention yields a speedup of 2.4× on long sequences."))
                .singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(NumericClaim.SPEEDUP);
                    assertThat(c.value()).isEqualTo(2.4);
                });
        assertThat(ClaimExtractor.extract("It reaches a top-1 accuracy of 81.3% with 7.6-fold fewer parameters."))
                .extracting(NumericClaim::kind, NumericClaim::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NumericClaim.OTHER, 7.6),
                        org.assertj.core.groups.Tuple.tuple(NumericClaim.ACCURACY, 81.3));
    }

    @Test
    void numbersWithoutAClaimAreIgnored() {
        assertThat(ClaimExtractor.extract("We train for 3 epochs on 8 GPUs in 2023. Table 2 lists 95.1 points."))
                .isEmpty();
        assertThat(ClaimExtractor.extract(null)).isEmpty();
    }
}
