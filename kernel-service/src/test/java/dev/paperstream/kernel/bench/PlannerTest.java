package dev.paperstream.kernel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.kernel.cpu.CpuBackend;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner cpuOnly = new Planner(new CpuBackend(1), Optional.empty(),
            "UnsatisfiedLinkError: no jnicudart");

    private static JobRequest request(String device, List<String> variants, int seq, String dtype) {
        return new JobRequest(device, variants, 1, 2, List.of(seq), 32, false, dtype, null);
    }

    @Test
    void autoWithoutCudaFallsBackToTheCpuAndSaysWhy() {
        Plan plan = cpuOnly.plan(request("auto", List.of("naive"), 128, "fp32"));
        assertThat(plan.backend().kind()).isEqualTo("cpu");
        assertThat(plan.deviceNote()).contains("CUDA unavailable").contains("UnsatisfiedLinkError");
        assertThat(plan.shapes()).extracting(Shape::seqLen).containsExactly(128);
    }

    @Test
    void aCudaJobOnACpuOnlyMachineRunsTheNearestEquivalent() {
        Plan plan = cpuOnly.plan(request("cuda", List.of("naive", "fused"), 256, "bf16"));
        assertThat(plan.variants()).containsExactly("naive", "tiled");
        assertThat(plan.deviceNote()).contains("fused ran as tiled");
        assertThat(plan.shapes().get(0).dtype()).isEqualTo("fp32");
        assertThat(plan.deviceNote()).contains("bf16 ran as fp32");
    }

    @Test
    void aCpuJobMustNameWhatTheCpuRuns() {
        assertThatThrownBy(() -> cpuOnly.plan(request("cpu", List.of("fused"), 128, "fp32")))
                .hasMessageContaining("variant 'fused' does not run on cpu");
        assertThatThrownBy(() -> cpuOnly.plan(request("cpu", List.of("naive"), 128, "fp16")))
                .hasMessageContaining("dtype fp16 does not run on cpu");
    }

    @Test
    void everyProblemOfARequestIsListed() {
        JobRequest bad = new JobRequest("tpu", List.of("naive", "magic"), 0, -1, List.of(128, 0), null, false, "fp8",
                null);
        assertThatThrownBy(() -> cpuOnly.plan(bad)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).hasSize(7).anyMatch(p -> p.contains("unknown variant 'magic'"))
                        .anyMatch(p -> p.contains("headDim is required")).anyMatch(p -> p.contains("seqLens[1]")));
    }

    @Test
    void shapesThatCannotFitOrFinishAreRefused() {
        JobRequest huge = new JobRequest("cpu", List.of("naive"), 4096, 64, List.of(65536), 128, false, "fp32", null);
        assertThatThrownBy(() -> cpuOnly.plan(huge)).hasMessageContaining("elements per tensor");
        JobRequest big = new JobRequest("cpu", List.of("naive"), 64, 16, List.of(4096), 128, false, "fp32", null);
        assertThatThrownBy(() -> cpuOnly.plan(big)).hasMessageContaining("need").hasMessageContaining("free");
        JobRequest slow = new JobRequest("cpu", List.of("naive"), 1, 1, List.of(1 << 20), 64, false, "fp32", null);
        assertThatThrownBy(() -> cpuOnly.plan(slow)).hasMessageContaining("FLOP per run");
    }
}
