package dev.paperstream.kernel.cuda;

/** A CUDA, cuBLAS or NVRTC call that did not return success; the message names the call and the code. */
public class CudaException extends RuntimeException {
    public CudaException(String message) {
        super(message);
    }
}
