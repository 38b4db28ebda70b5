package dev.paperstream.kernel.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.kernel.bench.Accuracy;
import dev.paperstream.kernel.bench.Inputs;
import dev.paperstream.kernel.bench.Shape;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuAttentionTest {
    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private final CpuAttention attention = new CpuAttention(POOL);

    @AfterAll
    static void stop() {
        POOL.shutdown();
    }

    @ParameterizedTest
    @CsvSource({"naive,1,1,1,8,false", "naive,1,2,128,32,false", "naive,2,3,67,24,true", "naive,1,1,200,64,true",
        "naive,1,2,130,128,false", "naive,1,1,300,16,true", "tiled,1,1,1,8,false", "tiled,1,2,128,32,false",
        "tiled,2,3,67,24,true", "tiled,1,1,200,64,true", "tiled,1,2,130,128,false", "tiled,1,1,300,16,true",
        "tiled,1,1,333,64,false", "tiled,2,1,257,128,true"})
    void bothVariantsMatchTheFloat64ReferenceOnEveryRow(String variant, int b, int h, int n, int d, boolean causal) {
        Shape s = new Shape(b, h, n, d, causal, "fp32");
        Inputs in = Inputs.random(s, n * 31L + d);
        float[] out = poisoned(in);
        run(variant, s, in, out);
        assertThat(Accuracy.maxRelError(in, out, Integer.MAX_VALUE, 1)).isLessThan(1e-5);
    }

    @Test
    void largeScoresStayFiniteBecauseTheRowMaxIsSubtracted() {
        Shape s = new Shape(1, 1, 256, 64, false, "fp32");
        Inputs in = Inputs.random(s, 3);
        for (int i = 0; i < in.q().length; i++) {
            in.q()[i] *= 10;
            in.k()[i] *= 10;
        }
        for (String variant : new String[] {"naive", "tiled"}) {
            float[] out = poisoned(in);
            run(variant, s, in, out);
            assertThat(Accuracy.maxRelError(in, out, Integer.MAX_VALUE, 1)).as(variant).isLessThan(1e-4);
        }
    }

    @Test
    void vectorExpIsAccurateOverTheSoftmaxRange() {
        float[] x = new float[Lanes.LANES * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = -90f * i / x.length;
        }
        float[] e = x.clone();
        Lanes.expShifted(e, 0, e.length, 0f);
        for (int i = 0; i < x.length; i++) {
            double want = x[i] < -87.3f ? 0 : Math.exp(x[i]);
            assertThat((double) e[i]).as("exp(%s)", x[i]).isCloseTo(want, org.assertj.core.api.Assertions.within(
                    Math.max(want * 3e-7, 1e-44)));
        }
    }

    private void run(String variant, Shape s, Inputs in, float[] out) {
        if ("naive".equals(variant)) {
            attention.naive(s, in.q(), in.k(), in.v(), out);
        } else {
            attention.tiled(s, in.q(), in.k(), in.v(), out);
        }
    }

    @Test
    void theCheckRejectsAnOutputTheKernelNeverWrote() {
        Shape s = new Shape(1, 1, 16, 8, false, "fp32");
        Inputs in = Inputs.random(s, 7);
        assertThat(Accuracy.maxRelError(in, poisoned(in), 4, 1)).isInfinite();
    }

    @Test
    void theCheckSeesTheMissingCausalMask() {
        Shape causal = new Shape(1, 2, 64, 16, true, "fp32");
        Inputs in = Inputs.random(causal, 11);
        float[] out = poisoned(in);
        attention.naive(new Shape(1, 2, 64, 16, false, "fp32"), in.q(), in.k(), in.v(), out);
        assertThat(Accuracy.maxRelError(in, out, Integer.MAX_VALUE, 1)).isGreaterThan(1e-2);
    }

    @Test
    void freshInputsAreNeverZeroAndDifferBySeed() {
        Shape s = new Shape(1, 1, 32, 8, false, "fp32");
        Inputs a = Inputs.random(s, 1);
        Inputs b = Inputs.random(s, 2);
        assertThat(a.q()).doesNotContain(0f);
        assertThat(a.q()).isNotEqualTo(b.q());
    }

    private static float[] poisoned(Inputs in) {
        float[] out = new float[in.q().length];
        Arrays.fill(out, Float.NaN);
        return out;
    }
}
