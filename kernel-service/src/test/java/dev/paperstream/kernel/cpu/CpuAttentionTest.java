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
    @CsvSource({"1,1,1,8,false", "1,2,128,32,false", "2,3,67,24,true", "1,1,200,64,true", "1,2,130,128,false"})
    void naiveMatchesTheFloat64ReferenceOnEveryRow(int b, int h, int n, int d, boolean causal) {
        Shape s = new Shape(b, h, n, d, causal, "fp32");
        Inputs in = Inputs.random(s, n * 31L + d);
        float[] out = poisoned(in);
        attention.naive(s, in.q(), in.k(), in.v(), out);
        assertThat(Accuracy.maxRelError(in, out, Integer.MAX_VALUE, 1)).isLessThan(1e-5);
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
