package dev.paperstream.kernel.cuda;

import static dev.paperstream.kernel.cuda.Cuda.check;

import dev.paperstream.kernel.bench.Accuracy;
import dev.paperstream.kernel.bench.Inputs;
import dev.paperstream.kernel.bench.Precision;
import dev.paperstream.kernel.bench.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.BytePointer;
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
            float[] out = copy(o, head, one);
            double error = Accuracy.maxRelError(in, out, Math.max(2, rows / 2), seed + head);
            dump(in, out, head, error);
            worst = Math.max(worst, error);
        }
        return worst;
    }

    /**
     * With {@code -Dpaperstream.kernel.dump=FILE}, appends the first head of small shapes (seq 77, headDim 64)
     * as a JSON line, so that a failed check on a GPU machine can be examined elsewhere.
     */
    private static void dump(Inputs in, float[] out, int head, double error) {
        String file = System.getProperty("paperstream.kernel.dump");
        Shape s = in.shape();
        if (file == null || head != 0 || s.seqLen() != 77 || s.headDim() != 64) {
            return;
        }
        String line = String.format("{\"shape\":\"%s\",\"error\":%s,\"q\":%s,\"k\":%s,\"v\":%s,\"o\":%s}%n",
                s.label(), error, Arrays.toString(in.q()), Arrays.toString(in.k()), Arrays.toString(in.v()),
                Arrays.toString(out));
        try {
            Files.writeString(Path.of(file), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] copy(Pointer device, int head, Shape one) {
        int n = (int) one.elements();
        ShortPointer host = new ShortPointer(n);
        // A byte view: JavaCPP offsets a void* argument by its position in bytes, whatever the view's type.
        BytePointer from = new BytePointer(device).position(2L * head * n);
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
