package dev.paperstream.notes.benchmarks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code paperstream.benchmarks.*}: the standard sweep a paper gets when it states no shape, the bounds a
 * claimed shape is clamped to, and how long one answer to a question is reused.
 */
@ConfigMapping(prefix = "paperstream.benchmarks")
public interface BenchmarkSettings {
    @WithDefault("naive,tiled")
    List<String> variants();

    @WithDefault("auto")
    String device();

    @WithDefault("512,1024,2048")
    List<Integer> seqLens();

    @WithDefault("1")
    int batch();

    @WithDefault("4")
    int heads();

    @WithDefault("64")
    int headDim();

    @WithDefault("fp32")
    String dtype();

    /** A question asked within this window is answered by the job already requested for it. */
    @WithDefault("P7D")
    Duration freshness();

    /** A question whose job failed, was rejected or cancelled may be asked again after this. */
    @WithDefault("PT24H")
    Duration retryAfter();

    /** Claimed sequence lengths are rounded up to a power of two and clamped into [min, max]. */
    @WithDefault("128")
    int minSeqLen();

    @WithDefault("16384")
    int maxSeqLen();

    /** At most this many claimed sequence lengths (the largest) make up one question. */
    @WithDefault("4")
    int maxSeqLens();

    /** The head dimensions the kernels run; a claimed one becomes the nearest of these. */
    @WithDefault("64,128")
    List<Integer> headDims();

    /** What is out of bounds, empty when the settings are usable; checked when the service starts. */
    default List<String> problems() {
        List<String> p = new ArrayList<>();
        if (freshness().compareTo(Duration.ofHours(1)) < 0 || freshness().compareTo(Duration.ofDays(90)) > 0) {
            p.add("paperstream.benchmarks.freshness must be between PT1H and P90D, not " + freshness());
        }
        if (retryAfter().compareTo(Duration.ofMinutes(1)) < 0 || retryAfter().compareTo(freshness()) > 0) {
            p.add("paperstream.benchmarks.retry-after must be between PT1M and the freshness, not " + retryAfter());
        }
        if (minSeqLen() < 16 || minSeqLen() > maxSeqLen() || maxSeqLen() > 65_536) {
            p.add("paperstream.benchmarks.min-seq-len/max-seq-len must satisfy 16 <= min <= max <= 65536, not "
                    + minSeqLen() + "/" + maxSeqLen());
        }
        if (maxSeqLens() < 1 || maxSeqLens() > 8) {
            p.add("paperstream.benchmarks.max-seq-lens must be between 1 and 8, not " + maxSeqLens());
        }
        if (headDims().isEmpty() || headDims().stream().anyMatch(d -> d < 1 || d > 256)) {
            p.add("paperstream.benchmarks.head-dims must list head dimensions between 1 and 256, not " + headDims());
        }
        return p;
    }
}
