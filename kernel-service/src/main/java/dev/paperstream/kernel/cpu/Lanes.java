package dev.paperstream.kernel.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vectorised inner loops that the naive and the tiled kernel share, so that they differ only in
 * what they keep in memory. Register-blocked 4 rows x 4 vectors ({@link WideBlocks}) where the width allows,
 * else 4 rows x 2 vectors: each loaded vector feeds four FMAs.
 * Widths ({@code cols} of {@link #scores}) are multiples of {@link #LANES}; callers pad.
 */
final class Lanes {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int LANES = F.length();
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float MAGIC = 12582912f; // 1.5 * 2^23: adding it rounds to an integer in the low bits
    private static final float EXP_MIN = -87.3f;

    private Lanes() {
    }

    static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /** s[r][c] = scale * sum_x q[r][x] * kt[x][c] for r < rows, c < cols; kt is K transposed. */
    static void scores(float[] q, int qOff, int rows, int d, float[] kt, int ktOff, int ktStride, int cols,
            float[] s, int sOff, int sStride, float scale) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int q0 = qOff + r * d;
            int c = 0;
            for (; c + 4 * LANES <= cols; c += 4 * LANES) {
                WideBlocks.scores4x4(q, q0, d, kt, ktOff + c, ktStride, s, sOff + r * sStride + c, sStride, scale);
            }
            for (; c + 2 * LANES <= cols; c += 2 * LANES) {
                FloatVector a00 = FloatVector.zero(F), a01 = a00, a10 = a00, a11 = a00;
                FloatVector a20 = a00, a21 = a00, a30 = a00, a31 = a00;
                for (int x = 0; x < d; x++) {
                    int k = ktOff + x * ktStride + c;
                    FloatVector k0 = FloatVector.fromArray(F, kt, k);
                    FloatVector k1 = FloatVector.fromArray(F, kt, k + LANES);
                    FloatVector b0 = FloatVector.broadcast(F, q[q0 + x]);
                    FloatVector b1 = FloatVector.broadcast(F, q[q0 + d + x]);
                    FloatVector b2 = FloatVector.broadcast(F, q[q0 + 2 * d + x]);
                    FloatVector b3 = FloatVector.broadcast(F, q[q0 + 3 * d + x]);
                    a00 = k0.fma(b0, a00);
                    a01 = k1.fma(b0, a01);
                    a10 = k0.fma(b1, a10);
                    a11 = k1.fma(b1, a11);
                    a20 = k0.fma(b2, a20);
                    a21 = k1.fma(b2, a21);
                    a30 = k0.fma(b3, a30);
                    a31 = k1.fma(b3, a31);
                }
                int o = sOff + r * sStride + c;
                a00.mul(scale).intoArray(s, o);
                a01.mul(scale).intoArray(s, o + LANES);
                a10.mul(scale).intoArray(s, o + sStride);
                a11.mul(scale).intoArray(s, o + sStride + LANES);
                a20.mul(scale).intoArray(s, o + 2 * sStride);
                a21.mul(scale).intoArray(s, o + 2 * sStride + LANES);
                a30.mul(scale).intoArray(s, o + 3 * sStride);
                a31.mul(scale).intoArray(s, o + 3 * sStride + LANES);
            }
            for (; c < cols; c += LANES) {
                for (int rr = r; rr < r + 4; rr++) {
                    scoreVector(q, qOff + rr * d, d, kt, ktOff + c, ktStride, s, sOff + rr * sStride + c, scale);
                }
            }
        }
        for (; r < rows; r++) {
            for (int c = 0; c < cols; c += LANES) {
                scoreVector(q, qOff + r * d, d, kt, ktOff + c, ktStride, s, sOff + r * sStride + c, scale);
            }
        }
    }

    private static void scoreVector(float[] q, int qRow, int d, float[] kt, int k, int ktStride, float[] s, int o,
            float scale) {
        FloatVector acc = FloatVector.zero(F);
        for (int x = 0; x < d; x++) {
            acc = FloatVector.fromArray(F, kt, k + x * ktStride).fma(FloatVector.broadcast(F, q[qRow + x]), acc);
        }
        acc.mul(scale).intoArray(s, o);
    }

    /** o[r][x] += sum_{j < cols} p[r][j] * v[j][x] for r < rows, x < d. */
    static void pv(float[] p, int pOff, int pStride, int rows, int cols, float[] v, int vOff, int d, float[] o,
            int oOff) {
        if (d % LANES != 0) {
            pvScalar(p, pOff, pStride, rows, cols, v, vOff, d, o, oOff);
            return;
        }
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int p0 = pOff + r * pStride;
            int o0 = oOff + r * d;
            int x = 0;
            for (; x + 4 * LANES <= d; x += 4 * LANES) {
                WideBlocks.pv4x4(p, p0, pStride, cols, v, vOff + x, d, o, o0 + x);
            }
            for (; x + 2 * LANES <= d; x += 2 * LANES) {
                FloatVector a00 = FloatVector.fromArray(F, o, o0 + x);
                FloatVector a01 = FloatVector.fromArray(F, o, o0 + x + LANES);
                FloatVector a10 = FloatVector.fromArray(F, o, o0 + d + x);
                FloatVector a11 = FloatVector.fromArray(F, o, o0 + d + x + LANES);
                FloatVector a20 = FloatVector.fromArray(F, o, o0 + 2 * d + x);
                FloatVector a21 = FloatVector.fromArray(F, o, o0 + 2 * d + x + LANES);
                FloatVector a30 = FloatVector.fromArray(F, o, o0 + 3 * d + x);
                FloatVector a31 = FloatVector.fromArray(F, o, o0 + 3 * d + x + LANES);
                for (int j = 0; j < cols; j++) {
                    int vj = vOff + j * d + x;
                    FloatVector v0 = FloatVector.fromArray(F, v, vj);
                    FloatVector v1 = FloatVector.fromArray(F, v, vj + LANES);
                    FloatVector b0 = FloatVector.broadcast(F, p[p0 + j]);
                    FloatVector b1 = FloatVector.broadcast(F, p[p0 + pStride + j]);
                    FloatVector b2 = FloatVector.broadcast(F, p[p0 + 2 * pStride + j]);
                    FloatVector b3 = FloatVector.broadcast(F, p[p0 + 3 * pStride + j]);
                    a00 = v0.fma(b0, a00);
                    a01 = v1.fma(b0, a01);
                    a10 = v0.fma(b1, a10);
                    a11 = v1.fma(b1, a11);
                    a20 = v0.fma(b2, a20);
                    a21 = v1.fma(b2, a21);
                    a30 = v0.fma(b3, a30);
                    a31 = v1.fma(b3, a31);
                }
                a00.intoArray(o, o0 + x);
                a01.intoArray(o, o0 + x + LANES);
                a10.intoArray(o, o0 + d + x);
                a11.intoArray(o, o0 + d + x + LANES);
                a20.intoArray(o, o0 + 2 * d + x);
                a21.intoArray(o, o0 + 2 * d + x + LANES);
                a30.intoArray(o, o0 + 3 * d + x);
                a31.intoArray(o, o0 + 3 * d + x + LANES);
            }
            for (; x < d; x += LANES) {
                for (int rr = r; rr < r + 4; rr++) {
                    pvVector(p, pOff + rr * pStride, cols, v, vOff + x, d, o, oOff + rr * d + x);
                }
            }
        }
        for (; r < rows; r++) {
            for (int x = 0; x < d; x += LANES) {
                pvVector(p, pOff + r * pStride, cols, v, vOff + x, d, o, oOff + r * d + x);
            }
        }
    }

    private static void pvVector(float[] p, int pRow, int cols, float[] v, int vCol, int d, float[] o, int oAt) {
        FloatVector acc = FloatVector.fromArray(F, o, oAt);
        for (int j = 0; j < cols; j++) {
            acc = FloatVector.fromArray(F, v, vCol + j * d).fma(FloatVector.broadcast(F, p[pRow + j]), acc);
        }
        acc.intoArray(o, oAt);
    }

    private static void pvScalar(float[] p, int pOff, int pStride, int rows, int cols, float[] v, int vOff, int d,
            float[] o, int oOff) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                float w = p[pOff + r * pStride + j];
                for (int x = 0; x < d; x++) {
                    o[oOff + r * d + x] += w * v[vOff + j * d + x];
                }
            }
        }
    }

    /** Largest of a[off .. off + n), n a multiple of LANES. */
    static float max(float[] a, int off, int n) {
        FloatVector m = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        for (int c = 0; c < n; c += LANES) {
            m = m.max(FloatVector.fromArray(F, a, off + c));
        }
        return m.reduceLanes(VectorOperators.MAX);
    }

    /** a[i] = exp(a[i] - shift) over a[off .. off + n), n a multiple of LANES; returns the sum. */
    static float expShifted(float[] a, int off, int n, float shift) {
        FloatVector sum = FloatVector.zero(F);
        for (int c = 0; c < n; c += LANES) {
            FloatVector e = exp(FloatVector.fromArray(F, a, off + c).sub(shift));
            e.intoArray(a, off + c);
            sum = sum.add(e);
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    /** a[i] *= f over a[off .. off + n). */
    static void scale(float[] a, int off, int n, float f) {
        int c = 0;
        for (; c + LANES <= n; c += LANES) {
            FloatVector.fromArray(F, a, off + c).mul(f).intoArray(a, off + c);
        }
        for (; c < n; c++) {
            a[off + c] *= f;
        }
    }

    /**
     * e^x to about 2e-7 relative for x <= 0 (scores minus their row max), exactly 0 below -87.3 and for
     * the -inf of masked scores: x = n ln2 + r with |r| <= ln2/2, e^r by its Taylor polynomial.
     */
    static FloatVector exp(FloatVector x) {
        VectorMask<Float> underflow = x.lt(EXP_MIN);
        FloatVector xc = x.max(EXP_MIN);
        FloatVector big = xc.mul(LOG2E).add(MAGIC);
        FloatVector n = big.sub(MAGIC);
        FloatVector r = n.fma(FloatVector.broadcast(F, -LN2_HI), xc).add(n.mul(-LN2_LO));
        FloatVector poly = FloatVector.broadcast(F, 1.0f / 720).fma(r, FloatVector.broadcast(F, 1.0f / 120))
                .fma(r, FloatVector.broadcast(F, 1.0f / 24)).fma(r, FloatVector.broadcast(F, 1.0f / 6))
                .fma(r, FloatVector.broadcast(F, 0.5f)).fma(r, FloatVector.broadcast(F, 1f))
                .fma(r, FloatVector.broadcast(F, 1f));
        IntVector bits = ((IntVector) big.reinterpretAsInts()).sub(Float.floatToRawIntBits(MAGIC) - 127)
                .lanewise(VectorOperators.LSHL, 23);
        return poly.mul(bits.reinterpretAsFloats()).blend(0f, underflow);
    }
}
