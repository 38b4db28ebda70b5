package dev.paperstream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A request to measure attention kernels. {@code device} is auto, cpu or cuda; {@code variants} are
 * naive, tiled (CPU) or fused (CUDA); {@code dtype} is fp32, fp16 or bf16; {@code paperId} names the
 * paper whose claim the job tests, if any.
 */
public record BenchmarkRequested(
        @JsonProperty(required = true) String jobId,
        @JsonProperty(required = true) List<String> variants,
        @JsonProperty(required = true) int batch,
        @JsonProperty(required = true) int heads,
        @JsonProperty(required = true) List<Integer> seqLens,
        @JsonProperty(required = true) int headDim,
        boolean causal,
        @JsonProperty(required = true) String dtype,
        @JsonProperty(required = true) String device,
        String paperId) {

    public BenchmarkRequested {
        Required.check(jobId, "jobId");
        Required.check(variants, "variants");
        Required.check(seqLens, "seqLens");
        Required.check(dtype, "dtype");
        Required.check(device, "device");
        variants = List.copyOf(variants);
        seqLens = List.copyOf(seqLens);
    }
}
