package dev.paperstream.notes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchmarkQuestionTest {
    /** The defaults of application.properties, as the service reads them. */
    private static final BenchmarkSettings DEFAULTS = new BenchmarkSettings() {
        public List<String> variants() {
            return List.of("tiled", "naive");
        }

        public String device() {
            return "auto";
        }

        public List<Integer> seqLens() {
            return List.of(2048, 512, 1024);
        }

        public int batch() {
            return 1;
        }

        public int heads() {
            return 4;
        }

        public int headDim() {
            return 64;
        }

        public String dtype() {
            return "fp32";
        }

        public Duration freshness() {
            return Duration.ofDays(7);
        }

        public Duration retryAfter() {
            return Duration.ofHours(24);
        }

        public int minSeqLen() {
            return 128;
        }

        public int maxSeqLen() {
            return 16384;
        }

        public int maxSeqLens() {
            return 4;
        }

        public List<Integer> headDims() {
            return List.of(64, 128);
        }
    };

    private static BenchmarkQuestion question(String text) {
        return BenchmarkQuestion.of(DEFAULTS, ClaimedShape.in(text));
    }

    @Test
    void aPaperThatStatesNoShapeAsksTheStandardSweepInCanonicalForm() {
        BenchmarkQuestion q = question("We make attention 3x faster on long inputs.");
        assertThat(q.key()).isEqualTo(
                "variants=naive,tiled;batch=1;heads=4;seqLens=512,1024,2048;headDim=64;causal=false;dtype=fp32;device=auto");
        assertThat(question("A faster attention kernel.").key()).isEqualTo(q.key());
    }

    @Test
    void statedSequenceLengthsHeadDimensionAndDtypeAreTaken() {
        assertThat(ClaimedShape.in("3x faster at sequence length 4096 with head dimension 128 in fp16"))
                .isEqualTo(new ClaimedShape(List.of(4096), Optional.of(128), Optional.of("fp16")));
        assertThat(ClaimedShape.in("Up to 2.4x speedup at N=8k and N = 2048 (bf16).").seqLens())
                .containsExactly(2048, 8192);
        assertThat(ClaimedShape.in("for sequence lengths of 1k, 2k and 4k").seqLens()).containsExactly(1024, 2048, 4096);
        assertThat(ClaimedShape.in("It scales to 64K context and 16k-token sequences.").seqLens())
                .containsExactly(16384, 65536);
        assertThat(ClaimedShape.in("fp16/bf16 kernels").dtype()).contains("fp16");
        assertThat(ClaimedShape.in("trained in bfloat16").dtype()).contains("bf16");
        assertThat(ClaimedShape.in("with d_head = 96").headDim()).contains(96);
    }

    @Test
    void numbersThatAreNotLengthsAreIgnored() {
        ClaimedShape shape = ClaimedShape.in("We train 3 sequences with N=4 layers and 12 heads; 95% accuracy.");
        assertThat(shape.seqLens()).isEmpty();
        assertThat(shape.headDim()).isEmpty();
        assertThat(shape.dtype()).isEmpty();
    }

    @Test
    void statedShapesAreClampedToWhatTheKernelsRun() {
        BenchmarkQuestion q = question("At sequence length 100000, 3000, 100 and 700 with head dimension 256 in bf16.");
        // rounded up to powers of two, clamped into [128, 16384]; head dimension to the largest runnable
        assertThat(q.seqLens()).containsExactly(128, 1024, 4096, 16384);
        assertThat(q.headDim()).isEqualTo(128);
        assertThat(q.dtype()).isEqualTo("bf16");
        assertThat(question("sequence lengths 512, 1k, 2k, 4k, 8k and 16k").seqLens())
                .containsExactly(2048, 4096, 8192, 16384);
        assertThat(question("head dimension 80").headDim()).isEqualTo(128);
        assertThat(question("head dimension 32").headDim()).isEqualTo(64);
    }

    @Test
    void papersStatingTheSameShapeInOtherWordsAskTheSameQuestion() {
        assertThat(question("2x faster at N=4k in FP16, head dim 128").key())
                .isEqualTo(question("sequence length 4096; head dimension of 128; half precision").key());
    }
}
