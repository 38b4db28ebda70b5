package dev.paperstream.kernel.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.bench.Plan;
import dev.paperstream.kernel.bench.Planner;
import dev.paperstream.kernel.cpu.CpuBackend;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CudaProbeTest {

    @Test
    void theProbeFindsADeviceOrSaysWhyNot() {
        CudaProbe probe = CudaProbe.run();
        if (probe.backend().isPresent()) {
            assertThat(probe.reason()).isNull();
            assertThat(probe.backend().get().device().kind()).isEqualTo("cuda");
            assertThat(probe.backend().get().device().computeCapability()).matches("\\d+\\.\\d+");
        } else {
            assertThat(probe.reason()).matches("(the CUDA libraries did not load: \\w+Error: .+|no CUDA device answered: .+"
                    + "|the CUDA device has compute capability .+)");
        }
    }

    @Test
    void withoutCudaAnAutoJobRunsOnTheCpuWithTheProbesReason() {
        CudaProbe probe = CudaProbe.run();
        org.junit.jupiter.api.Assumptions.assumeTrue(probe.backend().isEmpty(), "this machine has a CUDA device");
        Planner planner = new Planner(new CpuBackend(1), Optional.empty(), probe.reason());
        Plan plan = planner.plan(new JobRequest("auto", List.of("naive", "fused"), 1, 1, List.of(64), 64, true,
                "bf16", null));
        assertThat(plan.backend().kind()).isEqualTo("cpu");
        assertThat(plan.variants()).containsExactly("naive", "tiled");
        assertThat(plan.deviceNote()).contains(probe.reason());
    }

    @Test
    void aDeviceOlderThanAmpereIsRefusedWithItsComputeCapability() {
        assertThat(CudaProbe.unsupportedCapability("7.5"))
                .isEqualTo("the CUDA device has compute capability 7.5, the kernels need 8.0 or newer (cp.async, ldmatrix)");
        assertThat(CudaProbe.unsupportedCapability("6.1")).contains("6.1");
        assertThat(CudaProbe.unsupportedCapability("8.0")).isNull();
        assertThat(CudaProbe.unsupportedCapability("9.0")).isNull();
        assertThat(CudaProbe.unsupportedCapability("12.0")).isNull();
    }

    @Test
    void withADeviceTooOldTheJobRunsOnTheCpuAndSaysWhy() {
        String reason = CudaProbe.unsupportedCapability("7.0");
        Planner planner = new Planner(new CpuBackend(1), Optional.empty(), reason);
        Plan plan = planner.plan(new JobRequest("auto", List.of("naive", "fused"), 1, 1, List.of(64), 64, true,
                "bf16", null));
        assertThat(plan.backend().kind()).isEqualTo("cpu");
        assertThat(plan.deviceNote()).contains("compute capability 7.0");
    }
}
