package dev.paperstream.kernel.cuda;

import static dev.paperstream.kernel.cuda.Cuda.checkDriver;
import static dev.paperstream.kernel.cuda.Cuda.checkNvrtc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The kernels of {@code cuda/attention.cu}: the cubin the build compiled with nvcc when it matches the
 * device's architecture, else compiled here with NVRTC for it.
 */
final class CudaModule {
    static final String SOURCE = "/cuda/attention.cu";

    private final CUmod_st module = new CUmod_st();
    private final Map<String, CUfunc_st> functions = new HashMap<>();
    private final String origin;

    CudaModule(int major, int minor) {
        String arch = "sm_" + major + minor;
        byte[] cubin = resource("/cuda/attention." + arch + ".cubin");
        if (cubin != null) {
            origin = "nvcc " + arch + " cubin";
        } else {
            cubin = compile(new String(resource(SOURCE), StandardCharsets.UTF_8), arch);
            origin = "NVRTC " + arch;
        }
        checkDriver(cudart.cuModuleLoadData(module, new BytePointer(cubin)), "cuModuleLoadData");
    }

    String origin() {
        return origin;
    }

    CUfunc_st function(String name) {
        return functions.computeIfAbsent(name, n -> {
            CUfunc_st f = new CUfunc_st();
            checkDriver(cudart.cuModuleGetFunction(f, module, n), "cuModuleGetFunction " + n);
            return f;
        });
    }

    void allowSharedMemory(String name, int bytes) {
        checkDriver(cudart.cuFuncSetAttribute(function(name), cudart.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                bytes), "cuFuncSetAttribute " + name);
    }

    /** Launches on the default stream; arguments are device Pointers, Integers, Longs or Floats. */
    void launch(String name, long gridX, int gridY, int block, int sharedBytes, Object... args) {
        Pointer[] holders = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            holders[i] = holder(args[i]);
        }
        if (gridX > Integer.MAX_VALUE) {
            throw new CudaException(name + ": grid of " + gridX + " blocks");
        }
        checkDriver(cudart.cuLaunchKernel(function(name), (int) gridX, gridY, 1, block, 1, 1, sharedBytes,
                new CUstream_st(), new PointerPointer<>(holders), null), "cuLaunchKernel " + name);
    }

    private static Pointer holder(Object arg) {
        if (arg instanceof Pointer p) {
            return new LongPointer(1).put(p.address());
        }
        if (arg instanceof Integer i) {
            return new IntPointer(1).put(i);
        }
        if (arg instanceof Long l) {
            return new LongPointer(1).put(l);
        }
        if (arg instanceof Float f) {
            return new FloatPointer(1).put(f);
        }
        throw new IllegalArgumentException("kernel argument of type " + arg.getClass());
    }

    private static byte[] compile(String source, String arch) {
        _nvrtcProgram program = new _nvrtcProgram();
        checkNvrtc(nvrtc.nvrtcCreateProgram(program, new BytePointer(source), new BytePointer("attention.cu"), 0,
                (PointerPointer<?>) null, (PointerPointer<?>) null), "nvrtcCreateProgram", null);
        try {
            PointerPointer<BytePointer> options = new PointerPointer<>("--gpu-architecture=" + arch, "-std=c++17");
            int result = nvrtc.nvrtcCompileProgram(program, 2, options);
            checkNvrtc(result, "nvrtcCompileProgram", log(program));
            SizeTPointer size = new SizeTPointer(1);
            checkNvrtc(nvrtc.nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize", null);
            byte[] cubin = new byte[(int) size.get()];
            checkNvrtc(nvrtc.nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN", null);
            return cubin;
        } finally {
            nvrtc.nvrtcDestroyProgram(program);
        }
    }

    private static String log(_nvrtcProgram program) {
        SizeTPointer size = new SizeTPointer(1);
        if (nvrtc.nvrtcGetProgramLogSize(program, size) != nvrtc.NVRTC_SUCCESS || size.get() <= 1) {
            return "";
        }
        BytePointer log = new BytePointer(size.get());
        nvrtc.nvrtcGetProgramLog(program, log);
        return log.getString();
    }

    private static byte[] resource(String path) {
        try (InputStream in = CudaModule.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
