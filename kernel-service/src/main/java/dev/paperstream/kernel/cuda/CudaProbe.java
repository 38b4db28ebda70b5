package dev.paperstream.kernel.cuda;

import java.util.Optional;

/**
 * Finds out whether this machine can run the CUDA backend: the JavaCPP presets must load (they need
 * the CUDA runtime and the driver's libcuda) and a device must answer. Where they cannot load, a
 * {@link LinkageError} is the normal case on a machine without a GPU, and its message is the reason. A
 * device older than the kernels' compute capability is refused here too, so that jobs fall back to the CPU
 * with that reason instead of failing when NVRTC cannot compile for it.
 */
public final class CudaProbe {
    private final Optional<CudaBackend> backend;
    private final String reason;

    private CudaProbe(Optional<CudaBackend> backend, String reason) {
        this.backend = backend;
        this.reason = reason;
    }

    /** The kernels use cp.async and ldmatrix, which need compute capability 8.0 (Ampere) or newer. */
    static final int MIN_MAJOR = 8;

    public static CudaProbe run() {
        try {
            CudaBackend backend = CudaBackend.open();
            String tooOld = unsupportedCapability(backend.device().computeCapability());
            return tooOld == null ? new CudaProbe(Optional.of(backend), null) : new CudaProbe(Optional.empty(), tooOld);
        } catch (LinkageError e) {
            // JavaCPP reports the library search last; the first failure (a missing libcuda.so.1, say) says why.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new CudaProbe(Optional.empty(), "the CUDA libraries did not load: "
                    + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()));
        } catch (CudaException e) {
            return new CudaProbe(Optional.empty(), "no CUDA device answered: " + firstLine(e.getMessage()));
        }
    }

    public Optional<CudaBackend> backend() {
        return backend;
    }

    /** Why there is no CUDA backend; null when there is one. */
    public String reason() {
        return reason;
    }

    /** Why a device of this compute capability ("8.6") cannot run the kernels, or null when it can. */
    static String unsupportedCapability(String computeCapability) {
        int major = Integer.parseInt(computeCapability.substring(0, computeCapability.indexOf('.')));
        return major >= MIN_MAJOR ? null : "the CUDA device has compute capability " + computeCapability
                + ", the kernels need " + MIN_MAJOR + ".0 or newer (cp.async, ldmatrix)";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
