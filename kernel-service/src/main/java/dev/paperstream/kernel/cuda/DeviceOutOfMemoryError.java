package dev.paperstream.kernel.cuda;

/**
 * The GPU could not serve an allocation. It is an {@link OutOfMemoryError} so that the benchmark runner
 * skips the row with this message, as it does when the JVM heap runs out, instead of failing the job.
 */
public class DeviceOutOfMemoryError extends OutOfMemoryError {
    public DeviceOutOfMemoryError(String message) {
        super(message);
    }
}
