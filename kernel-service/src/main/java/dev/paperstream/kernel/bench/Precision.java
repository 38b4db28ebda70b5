package dev.paperstream.kernel.bench;

/** The dtypes: their rounding, as the GPU kernels read them, and their error thresholds. */
public final class Precision {
    public static final String FP32 = "fp32";
    public static final String FP16 = "fp16";
    public static final String BF16 = "bf16";

    private Precision() {
    }

    /** Relative error a variant may have against the float64 reference. */
    public static double threshold(String dtype) {
        return FP32.equals(dtype) ? 1e-4 : 1e-2;
    }

    public static float round(float x, String dtype) {
        return switch (dtype) {
            case FP16 -> fp16ToFloat(fp16Bits(x));
            case BF16 -> Float.intBitsToFloat(bf16Bits(x) << 16);
            default -> x;
        };
    }

    /** Round to nearest even, as __float2bfloat16 does (inputs here are finite). */
    public static int bf16Bits(float x) {
        int bits = Float.floatToRawIntBits(x);
        return (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
    }

    /** IEEE binary16 with round to nearest even (Java 17 has no Float.floatToFloat16). */
    public static short fp16Bits(float f) {
        int bits = Float.floatToRawIntBits(f);
        short sign = (short) ((bits & 0x8000_0000) >> 16);
        float abs = Math.abs(f);
        if (Float.isNaN(f)) {
            return (short) (sign | 0x7e00);
        }
        if (abs >= 0x1.ffep15f) {
            return (short) (sign | 0x7c00);
        }
        if (abs <= 0x1.0p-25f) {
            return sign;
        }
        int exp = Math.getExponent(f);
        int shift = 13;
        int msb = 0;
        if (exp < -14) {
            shift += -14 - exp;
            exp = -15;
            msb = 0x0080_0000;
        }
        int significand = bits & 0x007f_ffff | msb;
        int half = significand >> shift;
        int lsb = significand & (1 << shift);
        int round = significand & (1 << (shift - 1));
        int sticky = significand & ((1 << (shift - 1)) - 1);
        if (round != 0 && (lsb | sticky) != 0) {
            half++;
        }
        return (short) (sign | (((exp + 15) << 10) + half));
    }

    public static float fp16ToFloat(short h) {
        int sign = h & 0x8000;
        int exp = (h & 0x7c00) >> 10;
        int significand = h & 0x03ff;
        float s = sign != 0 ? -1f : 1f;
        if (exp == 0) {
            return s * 0x1p-24f * significand;
        }
        if (exp == 31) {
            return significand == 0 ? s * Float.POSITIVE_INFINITY : Float.NaN;
        }
        return Float.intBitsToFloat((sign << 16) | ((exp - 15 + 127) << 23) | (significand << 13));
    }
}
