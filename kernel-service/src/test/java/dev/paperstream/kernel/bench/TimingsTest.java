package dev.paperstream.kernel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimingsTest {

    @Test
    void medianAndPercentilesInterpolateBetweenRanks() {
        Timings t = Timings.of(new double[] {5, 1, 4, 2, 3, 10, 6, 8, 7, 9, 11});
        assertThat(t.medianMs()).isEqualTo(6);
        assertThat(t.p10Ms()).isEqualTo(2);
        assertThat(t.p90Ms()).isEqualTo(10);
        assertThat(Timings.of(new double[] {1, 2}).medianMs()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void flopsAreHalvedForCausal() {
        Shape full = new Shape(2, 4, 4096, 64, false, "fp32");
        Shape causal = new Shape(2, 4, 4096, 64, true, "bf16");
        assertThat(full.flops()).isEqualTo(4.0 * 2 * 4 * 4096 * 4096 * 64);
        assertThat(causal.flops()).isEqualTo(full.flops() / 2);
        assertThat(causal.compulsoryBytes()).isEqualTo(full.compulsoryBytes() / 2);
    }

    @Test
    void halfPrecisionRoundsToNearestEven() {
        assertThat(Precision.round(1.0f + 0x1p-11f, "fp16")).isEqualTo(1.0f);
        assertThat(Precision.round(1.0f + 0x1p-10f + 0x1p-11f, "fp16")).isEqualTo(1.0f + 0x1p-9f);
        assertThat(Precision.round(1.0f + 0x1p-8f, "bf16")).isEqualTo(1.0f);
        assertThat(Precision.round(1.0f + 0x1p-7f + 0x1p-8f, "bf16")).isEqualTo(1.0f + 0x1p-6f);
        assertThat(Precision.round(-0.333333f, "fp16")).isEqualTo(-0.33325195f);
        assertThat(Precision.round(1e-6f, "fp16")).isEqualTo(0x1p-24f * 17);
    }
}
