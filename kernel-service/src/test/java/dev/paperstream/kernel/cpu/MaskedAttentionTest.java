package dev.paperstream.kernel.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperstream.kernel.bench.Accuracy;
import dev.paperstream.kernel.bench.AttentionOptions;
import dev.paperstream.kernel.bench.Inputs;
import dev.paperstream.kernel.bench.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's reference attention in full on the CPU: key padding, an arbitrary boolean mask, causal, dropout and
 * the returned weights, each variant against the float64 reference of {@link Accuracy} on every row. Inputs are
 * fresh each run (the seed is in every failure message).
 */
class MaskedAttentionTest {
    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final double TOLERANCE = 1e-5;
    private final CpuAttention attention = new CpuAttention(POOL);
    private final long seed = System.nanoTime();
    private final SplittableRandom random = new SplittableRandom(seed);

    @AfterAll
    static void stop() {
        POOL.shutdown();
    }

    @ParameterizedTest
    @ValueSource(strings = {"naive", "tiled"})
    void paddedKeysAreNeverSeenWhateverTheyHold(String variant) {
        Shape s = new Shape(3, 2, 300, 32, false, "fp32");
        AttentionOptions padding = new AttentionOptions(new int[] {300, 129, 1}, null, 0, 0);
        Inputs in = Inputs.random(s, seed);
        float[] out = run(variant, s, in, padding);
        assertThat(Accuracy.maxRelError(in, padding, out, Integer.MAX_VALUE, 1)).as("seed %d", seed)
                .isLessThan(TOLERANCE);
        // Garbage in the padding (here huge values) must not reach the output.
        for (int head = 2; head < 6; head++) {
            for (int key = padding.keyLengths()[head / 2]; key < 300; key++) {
                for (int x = 0; x < 32; x++) {
                    in.k()[(head * 300 + key) * 32 + x] = 1e3f;
                    in.v()[(head * 300 + key) * 32 + x] = 1e6f;
                }
            }
        }
        assertThat(run(variant, s, in, padding)).containsExactly(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"naive", "tiled"})
    void anArbitraryBooleanMaskSharedByAllHeadsMatchesTheReference(String variant) {
        Shape s = new Shape(2, 2, 200, 64, false, "fp32");
        AttentionOptions mask = new AttentionOptions(null, randomMask(200 * 200, 0.6), 0, 0);
        Inputs in = Inputs.random(s, seed);
        assertThat(Accuracy.maxRelError(in, mask, run(variant, s, in, mask), Integer.MAX_VALUE, 1))
                .as("seed %d", seed).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"naive", "tiled"})
    void causalKeyPaddingAndAPerHeadMaskCombine(String variant) {
        Shape s = new Shape(2, 3, 257, 16, true, "fp32");
        AttentionOptions all = new AttentionOptions(new int[] {200, 257}, randomMask(6 * 257 * 257, 0.8), 0, 0);
        Inputs in = Inputs.random(s, seed);
        assertThat(Accuracy.maxRelError(in, all, run(variant, s, in, all), Integer.MAX_VALUE, 1))
                .as("seed %d", seed).isLessThan(TOLERANCE);
        // The same options without the mask give another answer: the mask was applied, not ignored.
        AttentionOptions noMask = new AttentionOptions(all.keyLengths(), null, 0, 0);
        assertThat(Accuracy.maxRelError(in, all, run(variant, s, in, noMask), Integer.MAX_VALUE, 1))
                .isGreaterThan(1e-2);
    }

    @Test
    void naiveReturnsTheWeightsItMultipliesWithV() {
        Shape s = new Shape(1, 2, 150, 32, true, "fp32");
        AttentionOptions options = new AttentionOptions(new int[] {140}, randomMask(150 * 150, 0.7), 0, 0);
        Inputs in = Inputs.random(s, seed);
        float[] weights = new float[2 * 150 * 150];
        attention.naive(s, in.q(), in.k(), in.v(), poisoned(in), options, weights);
        double[] ref = new double[32];
        double[] refWeights = new double[150];
        for (int head = 0; head < 2; head++) {
            for (int row = 0; row < 150; row++) {
                Accuracy.referenceRow(in, options, head, row, ref, refWeights);
                double sum = 0;
                for (int key = 0; key < 150; key++) {
                    float w = weights[(head * 150 + row) * 150 + key];
                    assertThat((double) w).as("seed %d head %d row %d key %d", seed, head, row, key)
                            .isCloseTo(refWeights[key], within(1e-6));
                    if (!options.visible(s, head, row, key)) {
                        assertThat(w).isZero();
                    }
                    sum += w;
                }
                boolean seesAKey = Arrays.stream(refWeights).anyMatch(w -> w > 0);
                assertThat(sum).isCloseTo(seesAKey ? 1 : 0, within(1e-5));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"naive", "tiled"})
    void rowsThatSeeNoKeyAreZerosNotNaN(String variant) {
        Shape s = new Shape(2, 1, 130, 16, false, "fp32");
        boolean[] mask = randomMask(130 * 130, 0.5);
        Arrays.fill(mask, 7 * 130, 8 * 130, false); // row 7 sees nothing
        AttentionOptions options = new AttentionOptions(new int[] {130, 0}, mask, 0, 0); // batch 1 sees no key
        Inputs in = Inputs.random(s, seed);
        float[] out = run(variant, s, in, options);
        assertThat(Arrays.copyOfRange(out, 7 * 16, 8 * 16)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(out, 130 * 16, 2 * 130 * 16)).containsOnly(0f);
        assertThat(Accuracy.maxRelError(in, options, out, Integer.MAX_VALUE, 1)).as("seed %d", seed)
                .isLessThan(TOLERANCE);
    }

    @Test
    void dropoutDropsTheSameWeightsInBothVariantsForASeed() {
        Shape s = new Shape(1, 2, 260, 32, false, "fp32");
        AttentionOptions dropout = new AttentionOptions(null, null, 0.25, seed);
        Inputs in = Inputs.random(s, seed);
        float[] naive = run("naive", s, in, dropout);
        float[] tiled = run("tiled", s, in, dropout);
        // One weight kept in one variant and dropped in the other moves an output by about 1/260 of a value,
        // far above this tolerance.
        assertThat(Accuracy.maxRelError(in, dropout, naive, Integer.MAX_VALUE, 1)).as("seed %d", seed)
                .isLessThan(TOLERANCE);
        assertThat(Accuracy.maxRelError(in, dropout, tiled, Integer.MAX_VALUE, 1)).as("seed %d", seed)
                .isLessThan(TOLERANCE);
        float[] otherSeed = run("tiled", s, in, new AttentionOptions(null, null, 0.25, seed + 1));
        assertThat(Accuracy.maxRelError(in, dropout, otherSeed, Integer.MAX_VALUE, 1)).isGreaterThan(1e-2);
    }

    @Test
    void dropoutKeepsTheExpectedShareOfWeightsScaledByOneOverOneMinusP() {
        Shape s = new Shape(1, 4, 256, 8, true, "fp32");
        double p = 0.3;
        AttentionOptions dropout = new AttentionOptions(null, null, p, seed);
        Inputs in = Inputs.random(s, seed);
        float[] weights = new float[4 * 256 * 256];
        float[] undropped = new float[weights.length];
        attention.naive(s, in.q(), in.k(), in.v(), poisoned(in), dropout, weights);
        attention.naive(s, in.q(), in.k(), in.v(), poisoned(in), AttentionOptions.NONE, undropped);
        long visible = 4L * 256 * 257 / 2;
        long kept = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                kept++;
                assertThat(weights[i]).isCloseTo((float) (undropped[i] / (1 - p)), within(1e-6f));
            }
        }
        double sigma = Math.sqrt(visible * p * (1 - p));
        assertThat((double) kept).as("seed %d", seed).isCloseTo(visible * (1 - p), within(5 * sigma));
    }

    @ParameterizedTest
    @ValueSource(strings = {"naive,false", "tiled,false", "naive,true", "tiled,true"})
    void largePeakedScoresRescaleTheRunningSoftmaxExactly(String variantAndCausal) {
        String variant = variantAndCausal.split(",")[0];
        Shape s = new Shape(1, 2, 640, 64, Boolean.parseBoolean(variantAndCausal.split(",")[1]), "fp32");
        Inputs in = Inputs.random(s, seed);
        // Scores of +-50 and more whose maximum grows from key block to key block, so the tiled kernel rescales
        // its running sum and output again and again; the softmax is dominated by a handful of keys per row.
        for (int head = 0; head < 2; head++) {
            for (int key = 0; key < 640; key++) {
                float grow = 1 + 4f * key / 640;
                for (int x = 0; x < 64; x++) {
                    in.q()[(head * 640 + key) * 64 + x] *= 20;
                    in.k()[(head * 640 + key) * 64 + x] *= grow;
                }
            }
        }
        float[] out = run(variant, s, in, AttentionOptions.NONE);
        assertThat(Accuracy.maxRelError(in, out, Integer.MAX_VALUE, 1)).as("seed %d", seed).isLessThan(1e-4);
    }

    @Test
    void optionsThatDoNotFitTheShapeAreRefusedWithTheReason() {
        Shape s = new Shape(2, 1, 16, 8, false, "fp32");
        Inputs in = Inputs.random(s, seed);
        AttentionOptions bad = new AttentionOptions(new int[] {17}, new boolean[10], 1.0, 0);
        assertThatThrownBy(() -> attention.tiled(s, in.q(), in.k(), in.v(), poisoned(in), bad))
                .hasMessageContaining("keyLengths has 1 entries; the batch is 2")
                .hasMessageContaining("keyLengths[0] is 17; must be 0..16")
                .hasMessageContaining("mask has 10 entries")
                .hasMessageContaining("dropout must be in [0, 1), not 1.0");
    }

    private float[] run(String variant, Shape s, Inputs in, AttentionOptions options) {
        float[] out = poisoned(in);
        if ("naive".equals(variant)) {
            attention.naive(s, in.q(), in.k(), in.v(), out, options, null);
        } else {
            attention.tiled(s, in.q(), in.k(), in.v(), out, options);
        }
        return out;
    }

    private boolean[] randomMask(int size, double visible) {
        boolean[] mask = new boolean[size];
        for (int i = 0; i < size; i++) {
            mask[i] = random.nextDouble() < visible;
        }
        return mask;
    }

    private static float[] poisoned(Inputs in) {
        float[] out = new float[in.q().length];
        Arrays.fill(out, Float.NaN);
        return out;
    }
}
