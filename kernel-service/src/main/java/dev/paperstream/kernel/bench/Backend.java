package dev.paperstream.kernel.bench;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import java.util.List;

/** A device that runs attention variants and measures them; the same interface on CPU and CUDA. */
public interface Backend {

    /** cpu or cuda: the queue its jobs go to. */
    String kind();

    DeviceInfo device();

    /** The variants it runs, in the order a sweep measures them. */
    List<String> variants();

    /** The dtypes its kernels compute in. */
    List<String> dtypes();

    /** Why the variant cannot run this shape here, or null when it can. */
    default String unsupported(String variant, Shape shape) {
        return null;
    }

    /** Bytes the variant needs at this shape (inputs, output and workspace). */
    long requiredBytes(String variant, Shape shape);

    /** Bytes the device can give a job. */
    long availableBytes();

    /** Measures one variant at one shape, checked against the float64 reference. */
    Result run(String variant, Shape shape, RunSettings settings);
}
