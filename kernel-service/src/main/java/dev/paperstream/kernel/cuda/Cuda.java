package dev.paperstream.kernel.cuda;

import static org.bytedeco.cuda.global.cudart.cuGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;

import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Return-code checks for every CUDA call: the runtime, the driver, cuBLAS and NVRTC. An allocation the
 * device cannot serve is a {@link DeviceOutOfMemoryError} (the row is skipped); anything else a
 * {@link CudaException} (the job fails with it).
 */
final class Cuda {
    private Cuda() {
    }

    static void check(int cudaError, String call) {
        if (cudaError == cudart.cudaErrorMemoryAllocation) {
            throw new DeviceOutOfMemoryError(call + ": out of memory (cudaError " + cudaError + ")");
        }
        if (cudaError != 0) {
            throw new CudaException(call + ": " + string(cudaGetErrorString(cudaError)) + " (cudaError " + cudaError + ")");
        }
    }

    static void checkDriver(int result, String call) {
        if (result == cudart.CUDA_ERROR_OUT_OF_MEMORY) {
            throw new DeviceOutOfMemoryError(call + ": out of memory (CUresult " + result + ")");
        }
        if (result != 0) {
            PointerPointer<BytePointer> s = new PointerPointer<>(1);
            String text = cuGetErrorString(result, s) == 0 ? string(s.get(BytePointer.class, 0)) : "unknown error";
            throw new CudaException(call + ": " + text + " (CUresult " + result + ")");
        }
    }

    static void checkBlas(int status, String call) {
        if (status == cublas.CUBLAS_STATUS_ALLOC_FAILED) {
            throw new DeviceOutOfMemoryError(call + ": cuBLAS could not allocate (cublasStatus " + status + ")");
        }
        if (status != cublas.CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(call + ": " + string(cublas.cublasGetStatusString(status)) + " (cublasStatus "
                    + status + ")");
        }
    }

    static void checkNvrtc(int result, String call, String log) {
        if (result != nvrtc.NVRTC_SUCCESS) {
            throw new CudaException(call + ": " + string(nvrtc.nvrtcGetErrorString(result))
                    + (log == null || log.isBlank() ? "" : "\n" + log));
        }
    }

    private static String string(BytePointer p) {
        return p == null || p.isNull() ? "unknown error" : p.getString();
    }
}
