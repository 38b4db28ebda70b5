package dev.paperstream.kernel.cpu;

import static dev.paperstream.kernel.cpu.Lanes.F;
import static dev.paperstream.kernel.cpu.Lanes.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * The 4-row x 4-vector register blocks of {@link Lanes}, used where a width holds four vectors. The
 * accumulators are stored inline on purpose: passed to a helper method, C2 boxed them (1.6x slower).
 */
final class WideBlocks {
    private WideBlocks() {
    }

    /**
     * Four rows by four vectors of scores: 16 accumulators, and per step of x four loads of K transposed and
     * four broadcasts of Q for 16 FMAs (the 4 x 2 block needs six loads for eight).
     */
    static void scores4x4(float[] q, int q0, int d, float[] kt, int k0, int ktStride, float[] s, int o,
            int sStride, float scale) {
        FloatVector a00 = FloatVector.zero(F), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (int x = 0; x < d; x++) {
            int k = k0 + x * ktStride;
            FloatVector k0v = FloatVector.fromArray(F, kt, k);
            FloatVector k1v = FloatVector.fromArray(F, kt, k + LANES);
            FloatVector k2v = FloatVector.fromArray(F, kt, k + 2 * LANES);
            FloatVector k3v = FloatVector.fromArray(F, kt, k + 3 * LANES);
            FloatVector b = FloatVector.broadcast(F, q[q0 + x]);
            a00 = k0v.fma(b, a00);
            a01 = k1v.fma(b, a01);
            a02 = k2v.fma(b, a02);
            a03 = k3v.fma(b, a03);
            b = FloatVector.broadcast(F, q[q0 + d + x]);
            a10 = k0v.fma(b, a10);
            a11 = k1v.fma(b, a11);
            a12 = k2v.fma(b, a12);
            a13 = k3v.fma(b, a13);
            b = FloatVector.broadcast(F, q[q0 + 2 * d + x]);
            a20 = k0v.fma(b, a20);
            a21 = k1v.fma(b, a21);
            a22 = k2v.fma(b, a22);
            a23 = k3v.fma(b, a23);
            b = FloatVector.broadcast(F, q[q0 + 3 * d + x]);
            a30 = k0v.fma(b, a30);
            a31 = k1v.fma(b, a31);
            a32 = k2v.fma(b, a32);
            a33 = k3v.fma(b, a33);
        }
        a00.mul(scale).intoArray(s, o);
        a01.mul(scale).intoArray(s, o + LANES);
        a02.mul(scale).intoArray(s, o + 2 * LANES);
        a03.mul(scale).intoArray(s, o + 3 * LANES);
        a10.mul(scale).intoArray(s, o + sStride);
        a11.mul(scale).intoArray(s, o + sStride + LANES);
        a12.mul(scale).intoArray(s, o + sStride + 2 * LANES);
        a13.mul(scale).intoArray(s, o + sStride + 3 * LANES);
        a20.mul(scale).intoArray(s, o + 2 * sStride);
        a21.mul(scale).intoArray(s, o + 2 * sStride + LANES);
        a22.mul(scale).intoArray(s, o + 2 * sStride + 2 * LANES);
        a23.mul(scale).intoArray(s, o + 2 * sStride + 3 * LANES);
        a30.mul(scale).intoArray(s, o + 3 * sStride);
        a31.mul(scale).intoArray(s, o + 3 * sStride + LANES);
        a32.mul(scale).intoArray(s, o + 3 * sStride + 2 * LANES);
        a33.mul(scale).intoArray(s, o + 3 * sStride + 3 * LANES);
    }

    /** Four rows by four vectors of the output: o[r][x0 ..] += sum_j p[r][j] * v[j][x0 ..], 16 accumulators. */
    static void pv4x4(float[] p, int p0, int pStride, int cols, float[] v, int v0, int d, float[] o, int o0) {
        FloatVector a00 = FloatVector.fromArray(F, o, o0), a01 = FloatVector.fromArray(F, o, o0 + LANES);
        FloatVector a02 = FloatVector.fromArray(F, o, o0 + 2 * LANES);
        FloatVector a03 = FloatVector.fromArray(F, o, o0 + 3 * LANES);
        FloatVector a10 = FloatVector.fromArray(F, o, o0 + d), a11 = FloatVector.fromArray(F, o, o0 + d + LANES);
        FloatVector a12 = FloatVector.fromArray(F, o, o0 + d + 2 * LANES);
        FloatVector a13 = FloatVector.fromArray(F, o, o0 + d + 3 * LANES);
        FloatVector a20 = FloatVector.fromArray(F, o, o0 + 2 * d);
        FloatVector a21 = FloatVector.fromArray(F, o, o0 + 2 * d + LANES);
        FloatVector a22 = FloatVector.fromArray(F, o, o0 + 2 * d + 2 * LANES);
        FloatVector a23 = FloatVector.fromArray(F, o, o0 + 2 * d + 3 * LANES);
        FloatVector a30 = FloatVector.fromArray(F, o, o0 + 3 * d);
        FloatVector a31 = FloatVector.fromArray(F, o, o0 + 3 * d + LANES);
        FloatVector a32 = FloatVector.fromArray(F, o, o0 + 3 * d + 2 * LANES);
        FloatVector a33 = FloatVector.fromArray(F, o, o0 + 3 * d + 3 * LANES);
        for (int j = 0; j < cols; j++) {
            int vj = v0 + j * d;
            FloatVector v0v = FloatVector.fromArray(F, v, vj);
            FloatVector v1v = FloatVector.fromArray(F, v, vj + LANES);
            FloatVector v2v = FloatVector.fromArray(F, v, vj + 2 * LANES);
            FloatVector v3v = FloatVector.fromArray(F, v, vj + 3 * LANES);
            FloatVector b = FloatVector.broadcast(F, p[p0 + j]);
            a00 = v0v.fma(b, a00);
            a01 = v1v.fma(b, a01);
            a02 = v2v.fma(b, a02);
            a03 = v3v.fma(b, a03);
            b = FloatVector.broadcast(F, p[p0 + pStride + j]);
            a10 = v0v.fma(b, a10);
            a11 = v1v.fma(b, a11);
            a12 = v2v.fma(b, a12);
            a13 = v3v.fma(b, a13);
            b = FloatVector.broadcast(F, p[p0 + 2 * pStride + j]);
            a20 = v0v.fma(b, a20);
            a21 = v1v.fma(b, a21);
            a22 = v2v.fma(b, a22);
            a23 = v3v.fma(b, a23);
            b = FloatVector.broadcast(F, p[p0 + 3 * pStride + j]);
            a30 = v0v.fma(b, a30);
            a31 = v1v.fma(b, a31);
            a32 = v2v.fma(b, a32);
            a33 = v3v.fma(b, a33);
        }
        a00.intoArray(o, o0);
        a01.intoArray(o, o0 + LANES);
        a02.intoArray(o, o0 + 2 * LANES);
        a03.intoArray(o, o0 + 3 * LANES);
        a10.intoArray(o, o0 + d);
        a11.intoArray(o, o0 + d + LANES);
        a12.intoArray(o, o0 + d + 2 * LANES);
        a13.intoArray(o, o0 + d + 3 * LANES);
        a20.intoArray(o, o0 + 2 * d);
        a21.intoArray(o, o0 + 2 * d + LANES);
        a22.intoArray(o, o0 + 2 * d + 2 * LANES);
        a23.intoArray(o, o0 + 2 * d + 3 * LANES);
        a30.intoArray(o, o0 + 3 * d);
        a31.intoArray(o, o0 + 3 * d + LANES);
        a32.intoArray(o, o0 + 3 * d + 2 * LANES);
        a33.intoArray(o, o0 + 3 * d + 3 * LANES);
    }
}
