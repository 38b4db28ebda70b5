package dev.paperstream.kernel.cuda;

import static dev.paperstream.kernel.cuda.Cuda.check;

import dev.paperstream.kernel.bench.Accuracy;
import dev.paperstream.kernel.bench.Inputs;
import dev.paperstream.kernel.bench.Precision;
import dev.paperstream.kernel.bench.Shape;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Compares a device result with the float64 reference on the host: the first and the last head are
 * copied back (inputs and output, as the kernel read and wrote them) and sampled rows checked.
 */
final class DeviceCheck {
    private DeviceCheck() {
    }

    static double maxRelError(Shape s, Pointer q, Pointer k, Pointer v, Pointer o, int rows, long seed) {
        int heads = s.batch() * s.heads();
        Shape one = new Shape(1, 1, s.seqLen(), s.headDim(), s.causal(), s.dtype());
        double worst = 0;
        for (int head : heads == 1 ? new int[] {0} : new int[] {0, heads - 1}) {
            Inputs in = new Inputs(one, copy(q, head, one), copy(k, head, one), copy(v, head, one));
            worst = Math.max(worst, Accuracy.maxRelError(in, copy(o, head, one), Math.max(2, rows / 2), seed + head));
        }
        return worst;
    }

    private static float[] copy(Pointer device, int head, Shape one) {
        int n = (int) one.elements();
        ShortPointer host = new ShortPointer(n);
        ShortPointer from = new ShortPointer(device).position((long) head * n);
        check(cudart.cudaMemcpy(host, from, 2L * n, cudart.cudaMemcpyDeviceToHost), "cudaMemcpy head " + head);
        short[] bits = new short[n];
        host.get(bits);
        host.close();
        float[] f = new float[n];
        boolean bf16 = Precision.BF16.equals(one.dtype());
        for (int i = 0; i < n; i++) {
            f[i] = bf16 ? Float.intBitsToFloat((bits[i] & 0xffff) << 16) : Precision.fp16ToFloat(bits[i]);
        }
        return f;
    }
}
