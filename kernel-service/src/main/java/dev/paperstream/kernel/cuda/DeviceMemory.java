package dev.paperstream.kernel.cuda;

import static dev.paperstream.kernel.cuda.Cuda.check;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.Pointer;

/** Device allocations of one measurement, freed together; counts the bytes it holds. */
final class DeviceMemory implements AutoCloseable {
    private final List<Pointer> buffers = new ArrayList<>();
    private long bytes;

    Pointer allocate(long size) {
        Pointer p = new Pointer();
        check(cudart.cudaMalloc(p, size), "cudaMalloc " + size + " bytes");
        buffers.add(p);
        bytes += size;
        return p;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        for (Pointer p : buffers) {
            cudart.cudaFree(p);
        }
        buffers.clear();
    }
}
