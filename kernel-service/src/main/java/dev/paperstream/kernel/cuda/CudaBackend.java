package dev.paperstream.kernel.cuda;

import static dev.paperstream.kernel.cuda.Cuda.check;
import static dev.paperstream.kernel.cuda.Cuda.checkBlas;
import static dev.paperstream.kernel.cuda.Cuda.checkDriver;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.Backend;
import dev.paperstream.kernel.bench.Precision;
import dev.paperstream.kernel.bench.RunSettings;
import dev.paperstream.kernel.bench.Shape;
import dev.paperstream.kernel.bench.Timings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUevent_st;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * Attention on the first CUDA device: naive = cuBLAS strided-batched GEMMs (scores in float32) with
 * a softmax kernel between them; fused = the FlashAttention-2 kernel of {@code attention.cu}, 16-bit
 * inputs on tensor cores (mma.sync) with float32 accumulation. Timed with CUDA events.
 */
public final class CudaBackend implements Backend {
    public static final String NAIVE = "naive";
    public static final String FUSED = "fused";

    /**
     * A build of the fused kernel: {@code tiles} of 16 query rows per warp (4 warps) and {@code keys}
     * rows of K and V per step at headDim 64 and 128. Chosen by {@code -Dpaperstream.kernel.cuda.fused}.
     */
    record Family(String name, int tiles, int keys64, int keys128) {
        static final List<Family> ALL = List.of(new Family("flash", 2, 64, 32), new Family("flash16", 2, 16, 16),
                new Family("flash1", 1, 64, 64));

        static Family named(String name) {
            return ALL.stream().filter(f -> f.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no fused kernel family '" + name + "'"));
        }

        int rowsPerBlock() {
            return 64 * tiles;
        }

        int sharedBytes(int d) {
            return (rowsPerBlock() + 4 * (d == 128 ? keys128 : keys64)) * (d + 8) * 2;
        }
    }

    private final Family family = Family.named(System.getProperty("paperstream.kernel.cuda.fused", "flash"));

    private final DeviceInfo device;
    private final int major;
    private final int minor;
    private CudaModule module;
    private cublasContext blas;

    private CudaBackend(DeviceInfo device, int major, int minor) {
        this.device = device;
        this.major = major;
        this.minor = minor;
    }

    static CudaBackend open() {
        int[] count = new int[1];
        check(cudart.cudaGetDeviceCount(count), "cudaGetDeviceCount");
        if (count[0] == 0) {
            throw new CudaException("cudaGetDeviceCount: no CUDA device");
        }
        check(cudart.cudaSetDevice(0), "cudaSetDevice");
        int major = attribute(cudart.cudaDevAttrComputeCapabilityMajor);
        int minor = attribute(cudart.cudaDevAttrComputeCapabilityMinor);
        int sms = attribute(cudart.cudaDevAttrMultiProcessorCount);
        byte[] name = new byte[256];
        checkDriver(cudart.cuDeviceGetName(name, name.length, 0), "cuDeviceGetName");
        int[] driver = new int[1];
        check(cudart.cudaDriverGetVersion(driver), "cudaDriverGetVersion");
        String deviceName = new String(name, StandardCharsets.US_ASCII).trim().replace("\0", "") + " (" + sms
                + " SMs, " + String.format("%.0f GiB", total() / (double) (1L << 30)) + ")";
        return new CudaBackend(new DeviceInfo("cuda", deviceName, driver[0] / 1000 + "." + driver[0] % 1000 / 10,
                major + "." + minor), major, minor);
    }

    private static int attribute(int attr) {
        int[] value = new int[1];
        check(cudart.cudaDeviceGetAttribute(value, attr, 0), "cudaDeviceGetAttribute " + attr);
        return value[0];
    }

    private static long[] memInfo() {
        SizeTPointer free = new SizeTPointer(1);
        SizeTPointer total = new SizeTPointer(1);
        check(cudart.cudaMemGetInfo(free, total), "cudaMemGetInfo");
        return new long[] {free.get(), total.get()};
    }

    private static long total() {
        return memInfo()[1];
    }

    @Override
    public String kind() {
        return "cuda";
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public List<String> variants() {
        return List.of(NAIVE, FUSED);
    }

    @Override
    public List<String> dtypes() {
        return List.of(Precision.BF16, Precision.FP16);
    }

    @Override
    public String unsupported(String variant, Shape s) {
        if (FUSED.equals(variant) && s.headDim() != 64 && s.headDim() != 128) {
            return "the fused kernel is built for headDim 64 and 128, not " + s.headDim();
        }
        if ((long) s.batch() * s.heads() > 65535) {
            return "batch x heads is at most 65535 on CUDA";
        }
        return null;
    }

    @Override
    public long requiredBytes(String variant, Shape s) {
        long io = s.compulsoryBytes();
        long scores = (long) s.batch() * s.heads() * s.seqLen() * (long) s.seqLen();
        return NAIVE.equals(variant) ? io + scores * (4 + 2) : io;
    }

    @Override
    public long availableBytes() {
        select();
        return memInfo()[0];
    }

    /** Makes the device current on the calling thread (the driver API needs a current context). */
    private synchronized void select() {
        check(cudart.cudaSetDevice(0), "cudaSetDevice");
        check(cudart.cudaFree(new Pointer()), "cudaFree(null)");
        if (module == null) {
            module = new CudaModule(major, minor);
            for (Family f : Family.ALL) {
                for (String t : List.of("bf16", "fp16")) {
                    module.allowSharedMemory(f.name() + "_" + t + "_d64", f.sharedBytes(64));
                    module.allowSharedMemory(f.name() + "_" + t + "_d128", f.sharedBytes(128));
                }
            }
            blas = new cublasContext();
            checkBlas(cublas.cublasCreate_v2(blas), "cublasCreate");
        }
    }

    /** Where the kernels came from: the build's cubin or NVRTC. */
    public String kernelOrigin() {
        select();
        return module.origin() + ", fused kernel " + family.name();
    }

    @Override
    public Result run(String variant, Shape s, RunSettings settings) {
        select();
        int dtype = Precision.BF16.equals(s.dtype()) ? 1 : 0;
        int type = dtype == 1 ? cudart.CUDA_R_16BF : cudart.CUDA_R_16F;
        long n = s.elements();
        long seed = System.nanoTime();
        CUevent_st start = new CUevent_st();
        CUevent_st stop = new CUevent_st();
        check(cudart.cudaEventCreate(start), "cudaEventCreate");
        check(cudart.cudaEventCreate(stop), "cudaEventCreate");
        try (DeviceMemory mem = new DeviceMemory()) {
            Pointer q = mem.allocate(2 * n);
            Pointer k = mem.allocate(2 * n);
            Pointer v = mem.allocate(2 * n);
            Pointer o = mem.allocate(2 * n);
            for (Pointer t : List.of(q, k, v)) {
                module.launch("fill_random", Math.min((n + 255) / 256, 4096), 1, 256, 0, t, n, seed++, dtype);
            }
            Runnable kernel = FUSED.equals(variant) ? fused(s, dtype, q, k, v, o)
                    : naive(s, dtype, type, q, k, v, o, mem);
            for (int i = 0; i < settings.warmups(); i++) {
                poison(o, n);
                kernel.run();
                check(cudart.cudaDeviceSynchronize(), variant + " warm-up");
            }
            List<Double> samples = new ArrayList<>();
            double elapsed = 0;
            float[] ms = new float[1];
            while (settings.moreRuns(samples.size(), elapsed)) {
                poison(o, n);
                check(cudart.cudaEventRecord(start), "cudaEventRecord");
                kernel.run();
                check(cudart.cudaEventRecord(stop), "cudaEventRecord");
                check(cudart.cudaEventSynchronize(stop), variant + " run");
                check(cudart.cudaEventElapsedTime(ms, start, stop), "cudaEventElapsedTime");
                samples.add((double) ms[0]);
                elapsed += ms[0] / 1e3;
            }
            Timings t = Timings.of(samples.stream().mapToDouble(Double::doubleValue).toArray());
            double error = nonFinite(o, n, dtype, mem) > 0 ? Double.POSITIVE_INFINITY
                    : DeviceCheck.maxRelError(s, q, k, v, o, settings.checkRows(), seed);
            return new Result(variant, "cuda", s.batch(), s.heads(), s.seqLen(), s.headDim(), s.causal(), s.dtype(),
                    t.medianMs(), t.p10Ms(), t.p90Ms(), s.flops() / (t.medianMs() / 1e3) / 1e12,
                    s.compulsoryBytes() / (t.medianMs() / 1e3) / 1e9, mem.bytes(), error,
                    error <= Precision.threshold(s.dtype()));
        } finally {
            cudart.cudaEventDestroy(start);
            cudart.cudaEventDestroy(stop);
        }
    }

    private Runnable fused(Shape s, int dtype, Pointer q, Pointer k, Pointer v, Pointer o) {
        String name = family.name() + "_" + (dtype == 1 ? "bf16" : "fp16") + "_d" + s.headDim();
        float scaleLog2 = (float) (1.4426950408889634 / Math.sqrt(s.headDim()));
        long blocks = (s.seqLen() + family.rowsPerBlock() - 1) / family.rowsPerBlock();
        int heads = s.batch() * s.heads();
        int shared = family.sharedBytes(s.headDim());
        return () -> module.launch(name, blocks, heads, 128, shared, q, k, v, o, s.seqLen(), scaleLog2,
                s.causal() ? 1 : 0);
    }

    private Runnable naive(Shape s, int dtype, int type, Pointer q, Pointer k, Pointer v, Pointer o,
            DeviceMemory mem) {
        int n = s.seqLen();
        int d = s.headDim();
        int heads = s.batch() * s.heads();
        long square = (long) n * n;
        Pointer scores = mem.allocate(4 * square * heads);
        Pointer probs = mem.allocate(2 * square * heads);
        FloatPointer scale = new FloatPointer(1).put((float) (1.0 / Math.sqrt(d)));
        FloatPointer one = new FloatPointer(1).put(1f);
        FloatPointer zero = new FloatPointer(1).put(0f);
        long nd = (long) n * d;
        return () -> {
            // Column-major view: scores^T (keys x queries) = K (op T of the stored [d x n]) x Q.
            checkBlas(cublas.cublasGemmStridedBatchedEx(blas, cublas.CUBLAS_OP_T, cublas.CUBLAS_OP_N, n, n, d, scale,
                    k, type, d, nd, q, type, d, nd, zero, scores, cudart.CUDA_R_32F, n, square, heads,
                    cublas.CUBLAS_COMPUTE_32F, cublas.CUBLAS_GEMM_DEFAULT), "cublasGemmStridedBatchedEx QK^T");
            module.launch("softmax_rows", (long) heads * n, 1, 256, 0, scores, probs, n, s.causal() ? 1 : 0, dtype);
            // out^T (d x queries) = V^T (d x keys) x P^T (keys x queries).
            checkBlas(cublas.cublasGemmStridedBatchedEx(blas, cublas.CUBLAS_OP_N, cublas.CUBLAS_OP_N, d, n, n, one,
                    v, type, d, nd, probs, type, n, square, zero, o, type, d, nd, heads,
                    cublas.CUBLAS_COMPUTE_32F, cublas.CUBLAS_GEMM_DEFAULT), "cublasGemmStridedBatchedEx PV");
        };
    }

    private static void poison(Pointer o, long n) {
        check(cudart.cudaMemset(o, 0xFF, 2 * n), "cudaMemset");
    }

    private int nonFinite(Pointer o, long n, int dtype, DeviceMemory mem) {
        Pointer counter = mem.allocate(4);
        check(cudart.cudaMemset(counter, 0, 4), "cudaMemset");
        module.launch("count_nonfinite", Math.min((n + 255) / 256, 4096), 1, 256, 0, o, n, dtype, counter);
        IntPointer host = new IntPointer(1);
        check(cudart.cudaMemcpy(host, counter, 4, cudart.cudaMemcpyDeviceToHost), "cudaMemcpy count");
        return host.get();
    }
}
