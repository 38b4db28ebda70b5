package dev.paperstream.kernel.cuda;

import java.util.Optional;

/**
 * Finds out whether this machine can run the CUDA backend: the JavaCPP presets must load (they need
 * the CUDA runtime and the driver's libcuda) and a device must answer. Where they cannot load, a
 * {@link LinkageError} is the normal case on a machine without a GPU, and its message is the reason.
 */
public final class CudaProbe {
    private final Optional<CudaBackend> backend;
    private final String reason;

    private CudaProbe(Optional<CudaBackend> backend, String reason) {
        this.backend = backend;
        this.reason = reason;
    }

    public static CudaProbe run() {
        try {
            return new CudaProbe(Optional.of(CudaBackend.open()), null);
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

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
