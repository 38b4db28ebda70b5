package dev.paperstream.kernel.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.Backend;
import dev.paperstream.kernel.bench.BenchmarkRunner;
import dev.paperstream.kernel.bench.Plan;
import dev.paperstream.kernel.bench.RunSettings;
import dev.paperstream.kernel.bench.Shape;
import java.util.List;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.junit.jupiter.api.Test;

/** A GPU that runs out of memory in the middle of a run: the row is skipped with the reason, the job goes on. */
class DeviceOutOfMemoryTest {

    @Test
    void everyOutOfMemoryReturnCodeIsADeviceOutOfMemoryError() {
        assertThatThrownBy(() -> Cuda.check(cudart.cudaErrorMemoryAllocation, "cudaMalloc 4096 bytes"))
                .isInstanceOf(DeviceOutOfMemoryError.class).hasMessage("cudaMalloc 4096 bytes: out of memory (cudaError 2)");
        assertThatThrownBy(() -> Cuda.checkDriver(cudart.CUDA_ERROR_OUT_OF_MEMORY, "cuMemAlloc"))
                .isInstanceOf(DeviceOutOfMemoryError.class);
        assertThatThrownBy(() -> Cuda.checkBlas(cublas.CUBLAS_STATUS_ALLOC_FAILED, "cublasGemmStridedBatchedEx"))
                .isInstanceOf(DeviceOutOfMemoryError.class);
    }

    @Test
    void aCudaAllocationFailureDuringARunSkipsThatRowAndTheOthersAreMeasured() {
        Shape small = new Shape(1, 1, 1024, 64, false, "bf16");
        Shape large = new Shape(1, 1, 65536, 64, false, "bf16");
        Backend gpu = new Backend() {
            @Override
            public String kind() {
                return "cuda";
            }

            @Override
            public DeviceInfo device() {
                return new DeviceInfo("cuda", "test GPU", "13.1", "9.0");
            }

            @Override
            public List<String> variants() {
                return List.of("naive", "fused");
            }

            @Override
            public List<String> dtypes() {
                return List.of("bf16");
            }

            @Override
            public long requiredBytes(String variant, Shape shape) {
                return 1;
            }

            @Override
            public long availableBytes() {
                return 1L << 40; // the estimate says it fits; the allocation itself then fails
            }

            @Override
            public Result run(String variant, Shape shape, RunSettings settings) {
                if (variant.equals("naive") && shape == large) {
                    Cuda.check(cudart.cudaErrorMemoryAllocation, "cudaMalloc 51539607552 bytes");
                }
                return new Result(variant, "cuda", 1, 1, shape.seqLen(), 64, false, "bf16", 1, 1, 1, 1, 1, 1, 0, true);
            }
        };
        Plan plan = new Plan(gpu, List.of("naive", "fused"), List.of(small, large), null);

        BenchmarkRunner.Outcome outcome = BenchmarkRunner.run(plan, new RunSettings(0, 1, 1, 0, 1), (d, t, c, r) -> { });

        assertThat(outcome.results()).extracting(r -> r.variant() + " " + r.seqLen())
                .containsExactly("naive 1024", "fused 1024", "fused 65536");
        assertThat(outcome.skipped()).singleElement().asString().startsWith("naive ")
                .contains("out of memory (cudaMalloc 51539607552 bytes: out of memory (cudaError 2))");
    }
}
