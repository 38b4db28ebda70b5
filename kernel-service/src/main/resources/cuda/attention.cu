// Attention kernels of the kernel service. Self-contained (no headers) so that NVRTC compiles it at
// run time as well as nvcc ahead of time. Tensors are [batch*heads][seq][headDim], row-major; 16-bit
// values travel as unsigned short bit patterns, dtype 0 = fp16, 1 = bf16.

typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

#define NEG_INF __int_as_float(0xff800000)

__device__ __forceinline__ u32 smem_u32(const void* p) {
    u32 r;
    asm("{ .reg .u64 a; cvta.to.shared.u64 a, %1; cvt.u32.u64 %0, a; }" : "=r"(r) : "l"(p));
    return r;
}

// Two floats to a packed pair, lo in the low half (the cvt takes the high half first).
template <bool BF16> __device__ __forceinline__ u32 pack2(float lo, float hi) {
    u32 r;
    if (BF16) {
        asm("cvt.rn.bf16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo));
    } else {
        asm("cvt.rn.f16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo));
    }
    return r;
}

__device__ __forceinline__ float to_float(u16 bits, int dtype) {
    if (dtype == 1) {
        return __int_as_float(((u32) bits) << 16);
    }
    float f;
    asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(bits));
    return f;
}

__device__ __forceinline__ float fast_exp2(float x) {
    float y;
    asm("ex2.approx.ftz.f32 %0, %1;" : "=f"(y) : "f"(x));
    return y;
}

// ---------------------------------------------------------------- inputs and checks

// Uniform in [-1, 1) from a counter hash (splitmix64), a fresh stream per seed.
extern "C" __global__ void fill_random(u16* out, long long n, u64 seed, int dtype) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n;
            i += (long long) gridDim.x * blockDim.x) {
        u64 z = seed + 0x9E3779B97F4A7C15ULL * (u64) (i + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        float x = (float) (z >> 40) * (1.0f / 16777216.0f) * 2.0f - 1.0f;
        u32 packed = dtype == 1 ? pack2<true>(x, 0.f) : pack2<false>(x, 0.f);
        out[i] = (u16) (packed & 0xffff);
    }
}

// Counts NaN and infinite values: the poison a kernel failed to overwrite, or an overflow.
extern "C" __global__ void count_nonfinite(const u16* p, long long n, int dtype, u32* count) {
    u32 mask = dtype == 1 ? 0x7f80u : 0x7c00u;
    u32 local = 0;
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n;
            i += (long long) gridDim.x * blockDim.x) {
        local += ((p[i] & mask) == mask) ? 1u : 0u;
    }
    if (local) {
        atomicAdd(count, local);
    }
}

// ---------------------------------------------------------------- naive: softmax between two GEMMs

// One block per row of the float32 scores (already scaled by cuBLAS); writes probabilities in the
// input dtype for the second GEMM. Masked (causal) entries become exact zeros.
extern "C" __global__ void softmax_rows(const float* s, u16* p, int n, int causal, int dtype) {
    __shared__ float red[32];
    long long row = blockIdx.x;
    int i = (int) (row % n);
    int limit = causal ? i + 1 : n;
    const float* in = s + row * (long long) n;
    u16* out = p + row * (long long) n;
    float m = NEG_INF;
    for (int j = threadIdx.x; j < limit; j += blockDim.x) {
        m = fmaxf(m, in[j]);
    }
    for (int o = 16; o > 0; o >>= 1) {
        m = fmaxf(m, __shfl_xor_sync(0xffffffffu, m, o));
    }
    if ((threadIdx.x & 31) == 0) {
        red[threadIdx.x >> 5] = m;
    }
    __syncthreads();
    m = NEG_INF;
    for (int w = 0; w < (int) (blockDim.x >> 5); w++) {
        m = fmaxf(m, red[w]);
    }
    __syncthreads();
    const float log2e = 1.4426950408889634f;
    float sum = 0.f;
    for (int j = threadIdx.x; j < limit; j += blockDim.x) {
        sum += fast_exp2((in[j] - m) * log2e);
    }
    for (int o = 16; o > 0; o >>= 1) {
        sum += __shfl_xor_sync(0xffffffffu, sum, o);
    }
    if ((threadIdx.x & 31) == 0) {
        red[threadIdx.x >> 5] = sum;
    }
    __syncthreads();
    sum = 0.f;
    for (int w = 0; w < (int) (blockDim.x >> 5); w++) {
        sum += red[w];
    }
    float inv = 1.f / sum;
    for (int j = threadIdx.x; j < n; j += blockDim.x) {
        float v = j < limit ? fast_exp2((in[j] - m) * log2e) * inv : 0.f;
        u32 packed = dtype == 1 ? pack2<true>(v, 0.f) : pack2<false>(v, 0.f);
        out[j] = (u16) (packed & 0xffff);
    }
}

// ---------------------------------------------------------------- fused: FlashAttention-2 forward

__device__ __forceinline__ void cp_async16(u32 dst, const void* src, int bytes) {
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;" ::"r"(dst), "l"(src), "r"(bytes));
}
__device__ __forceinline__ void cp_async_commit() {
    asm volatile("cp.async.commit_group;");
}
template <int N> __device__ __forceinline__ void cp_async_wait() {
    asm volatile("cp.async.wait_group %0;" ::"n"(N));
}

__device__ __forceinline__ void ldmatrix_x4(u32 addr, u32& r0, u32& r1, u32& r2, u32& r3) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0,%1,%2,%3}, [%4];"
                 : "=r"(r0), "=r"(r1), "=r"(r2), "=r"(r3) : "r"(addr));
}
__device__ __forceinline__ void ldmatrix_x4_trans(u32 addr, u32& r0, u32& r1, u32& r2, u32& r3) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0,%1,%2,%3}, [%4];"
                 : "=r"(r0), "=r"(r1), "=r"(r2), "=r"(r3) : "r"(addr));
}

// D += A (16x16, row) * B (16x8, col), float32 accumulators.
template <bool BF16> __device__ __forceinline__ void mma16816(float* d, const u32* a, u32 b0, u32 b1) {
    if (BF16) {
        asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, "
                     "{%8,%9}, {%0,%1,%2,%3};"
                     : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
                     : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
    } else {
        asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, "
                     "{%8,%9}, {%0,%1,%2,%3};"
                     : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
                     : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
    }
}

// Copies rows [row0, row0 + ROWS) of a [n][D] matrix into shared memory with a padded stride; rows
// past n are zero-filled.
template <int D, int ROWS, int THREADS>
__device__ __forceinline__ void load_tile(u16* smem, const u16* g, int row0, int n) {
    constexpr int STRIDE = D + 8;
    constexpr int CHUNKS = ROWS * D / 8;
    for (int c = threadIdx.x; c < CHUNKS; c += THREADS) {
        int r = c / (D / 8);
        int col = (c % (D / 8)) * 8;
        int row = row0 + r;
        const u16* src = g + (long long) (row < n ? row : 0) * D + col;
        cp_async16(smem_u32(smem + r * STRIDE + col), src, row < n ? 16 : 0);
    }
}

// One block: BR = 16 * MT * WARPS query rows of one head, each warp MT tiles of 16 rows, against
// key/value blocks of BC rows streamed through double-buffered shared memory. Every K and V fragment
// a warp loads from shared memory feeds MT tensor-core instructions. The scores of a block live only
// in registers; a running max and sum per row rescale the output accumulators (online softmax).
template <int D, int MT, int BC, int UNROLL, int WARPS, bool BF16>
__device__ __forceinline__ void flash_forward(const u16* __restrict__ q, const u16* __restrict__ k,
        const u16* __restrict__ v, u16* __restrict__ o, int n, float scale_log2, int causal) {
    constexpr int BR = 16 * MT * WARPS;
    constexpr int THREADS = 32 * WARPS;
    constexpr int STRIDE = D + 8;
    extern __shared__ __align__(16) u16 smem[];
    u16* sq = smem;
    u16* sk = sq + BR * STRIDE;       // two buffers of BC rows
    u16* sv = sk + 2 * BC * STRIDE;   // two buffers of BC rows

    const int warp = threadIdx.x >> 5;
    const int lane = threadIdx.x & 31;
    const int qblock = causal ? (int) (gridDim.x - 1 - blockIdx.x) : (int) blockIdx.x;
    const int q0 = qblock * BR;
    const long long head = (long long) blockIdx.y * n * D;
    q += head;
    k += head;
    v += head;
    o += head;

    const int kv_end = causal ? min(n, q0 + BR) : n;
    const int blocks = (kv_end + BC - 1) / BC;

    load_tile<D, BR, THREADS>(sq, q, q0, n);
    load_tile<D, BC, THREADS>(sk, k, 0, n);
    load_tile<D, BC, THREADS>(sv, v, 0, n);
    cp_async_commit();

    float acc[MT][D / 8][4];
#pragma unroll
    for (int m = 0; m < MT; m++) {
#pragma unroll
        for (int t = 0; t < D / 8; t++) {
            acc[m][t][0] = acc[m][t][1] = acc[m][t][2] = acc[m][t][3] = 0.f;
        }
    }
    float row_max[MT][2];
    float row_sum[MT][2];
#pragma unroll
    for (int m = 0; m < MT; m++) {
        row_max[m][0] = row_max[m][1] = NEG_INF;
        row_sum[m][0] = row_sum[m][1] = 0.f;
    }
    const int g = lane >> 2;
    const int t4 = lane & 3;
    const int warp_row = q0 + warp * 16 * MT;

    for (int b = 0; b < blocks; b++) {
        const int buf = b & 1;
        if (b + 1 < blocks) {
            load_tile<D, BC, THREADS>(sk + (buf ^ 1) * BC * STRIDE, k, (b + 1) * BC, n);
            load_tile<D, BC, THREADS>(sv + (buf ^ 1) * BC * STRIDE, v, (b + 1) * BC, n);
            cp_async_commit();
            cp_async_wait<1>();
        } else {
            cp_async_wait<0>();
        }
        __syncthreads();
        const u16* kb = sk + buf * BC * STRIDE;
        const u16* vb = sv + buf * BC * STRIDE;

        float s[MT][BC / 8][4];
#pragma unroll
        for (int m = 0; m < MT; m++) {
#pragma unroll
            for (int j = 0; j < BC / 8; j++) {
                s[m][j][0] = s[m][j][1] = s[m][j][2] = s[m][j][3] = 0.f;
            }
        }
// UNROLL < D / 16 keeps the widest configurations within 255 registers (no spills).
#pragma unroll UNROLL
        for (int kk = 0; kk < D / 16; kk++) {
            u32 qa[MT][4];
#pragma unroll
            for (int m = 0; m < MT; m++) {
                const u16* p = sq + (warp * 16 * MT + m * 16 + (lane & 15)) * STRIDE + kk * 16 + (lane >> 4) * 8;
                ldmatrix_x4(smem_u32(p), qa[m][0], qa[m][1], qa[m][2], qa[m][3]);
            }
#pragma unroll
            for (int j = 0; j < BC / 8; j += 2) {
                const int i = lane >> 3;
                const u16* p = kb + (j * 8 + (lane & 7) + (i >> 1) * 8) * STRIDE + kk * 16 + (i & 1) * 8;
                u32 b0, b1, b2, b3;
                ldmatrix_x4(smem_u32(p), b0, b1, b2, b3);
#pragma unroll
                for (int m = 0; m < MT; m++) {
                    mma16816<BF16>(s[m][j], qa[m], b0, b1);
                    mma16816<BF16>(s[m][j + 1], qa[m], b2, b3);
                }
            }
        }

        const int key0 = b * BC;
        u32 pf[MT][BC / 16][4];
#pragma unroll
        for (int m = 0; m < MT; m++) {
            const int row_a = warp_row + m * 16 + g;
            float block_max[2] = {NEG_INF, NEG_INF};
#pragma unroll
            for (int j = 0; j < BC / 8; j++) {
#pragma unroll
                for (int e = 0; e < 4; e++) {
                    const int key = key0 + j * 8 + 2 * t4 + (e & 1);
                    const int row = row_a + (e >> 1) * 8;
                    const bool masked = key >= n || (causal && key > row);
                    s[m][j][e] = masked ? NEG_INF : s[m][j][e] * scale_log2;
                    block_max[e >> 1] = fmaxf(block_max[e >> 1], s[m][j][e]);
                }
            }
            float correction[2];
#pragma unroll
            for (int r = 0; r < 2; r++) {
                block_max[r] = fmaxf(block_max[r], __shfl_xor_sync(0xffffffffu, block_max[r], 1));
                block_max[r] = fmaxf(block_max[r], __shfl_xor_sync(0xffffffffu, block_max[r], 2));
                const float mx = fmaxf(row_max[m][r], block_max[r]);
                // A row with no visible key yet keeps max -inf; subtracting 0 keeps exp2 at 0, not NaN.
                const float base = mx == NEG_INF ? 0.f : mx;
                correction[r] = fast_exp2(row_max[m][r] - base);
                row_max[m][r] = mx;
                block_max[r] = base;
                row_sum[m][r] *= correction[r];
            }
#pragma unroll
            for (int t = 0; t < D / 8; t++) {
                acc[m][t][0] *= correction[0];
                acc[m][t][1] *= correction[0];
                acc[m][t][2] *= correction[1];
                acc[m][t][3] *= correction[1];
            }
#pragma unroll
            for (int j = 0; j < BC / 8; j++) {
#pragma unroll
                for (int e = 0; e < 4; e++) {
                    s[m][j][e] = fast_exp2(s[m][j][e] - block_max[e >> 1]);
                    row_sum[m][e >> 1] += s[m][j][e];
                }
                pf[m][j >> 1][(j & 1) * 2 + 0] = pack2<BF16>(s[m][j][0], s[m][j][1]);
                pf[m][j >> 1][(j & 1) * 2 + 1] = pack2<BF16>(s[m][j][2], s[m][j][3]);
            }
        }

#pragma unroll
        for (int kk = 0; kk < BC / 16; kk++) {
#pragma unroll
            for (int t = 0; t < D / 8; t += 2) {
                const int i = lane >> 3;
                const u16* p = vb + (kk * 16 + (lane & 7) + (i & 1) * 8) * STRIDE + t * 8 + (i >> 1) * 8;
                u32 b0, b1, b2, b3;
                ldmatrix_x4_trans(smem_u32(p), b0, b1, b2, b3);
#pragma unroll
                for (int m = 0; m < MT; m++) {
                    mma16816<BF16>(acc[m][t], pf[m][kk], b0, b1);
                    mma16816<BF16>(acc[m][t + 1], pf[m][kk], b2, b3);
                }
            }
        }
        __syncthreads();
    }

#pragma unroll
    for (int m = 0; m < MT; m++) {
        float inv[2];
#pragma unroll
        for (int r = 0; r < 2; r++) {
            float sum = row_sum[m][r];
            sum += __shfl_xor_sync(0xffffffffu, sum, 1);
            sum += __shfl_xor_sync(0xffffffffu, sum, 2);
            inv[r] = sum > 0.f ? 1.f / sum : 0.f;
        }
        const int row_a = warp_row + m * 16 + g;
#pragma unroll
        for (int t = 0; t < D / 8; t++) {
            const int col = t * 8 + 2 * t4;
            if (row_a < n) {
                *(u32*) (o + (long long) row_a * D + col) = pack2<BF16>(acc[m][t][0] * inv[0], acc[m][t][1] * inv[0]);
            }
            if (row_a + 8 < n) {
                *(u32*) (o + (long long) (row_a + 8) * D + col) =
                        pack2<BF16>(acc[m][t][2] * inv[1], acc[m][t][3] * inv[1]);
            }
        }
    }
}

// Entry points, by family: flash_* is the one the service runs (two row tiles per warp, 128 query
// rows per block); flash16_* streams 16 keys per step instead of 32 at headDim 128; flash1_* keeps one
// row tile per warp (64 rows per block), the first version. The host sizes shared memory as
// (16 * MT * 4 + 4 * BC) * (D + 8) * 2 bytes (CudaBackend.Family).
#define FLASH(NAME, D, MT, BC, UNROLL, BF16)                                                              \
    extern "C" __global__ void __launch_bounds__(128) NAME(const u16* q, const u16* k, const u16* v,     \
            u16* o, int n, float scale_log2, int causal) {                                                \
        flash_forward<D, MT, BC, UNROLL, 4, BF16>(q, k, v, o, n, scale_log2, causal);                      \
    }

FLASH(flash_bf16_d64, 64, 2, 64, 4, true)
FLASH(flash_fp16_d64, 64, 2, 64, 4, false)
FLASH(flash_bf16_d128, 128, 2, 32, 1, true)
FLASH(flash_fp16_d128, 128, 2, 32, 1, false)
FLASH(flash16_bf16_d64, 64, 2, 16, 4, true)
FLASH(flash16_fp16_d64, 64, 2, 16, 4, false)
FLASH(flash16_bf16_d128, 128, 2, 16, 8, true)
FLASH(flash16_fp16_d128, 128, 2, 16, 8, false)
FLASH(flash1_bf16_d64, 64, 1, 64, 4, true)
FLASH(flash1_fp16_d64, 64, 1, 64, 4, false)
FLASH(flash1_bf16_d128, 128, 1, 64, 8, true)
FLASH(flash1_fp16_d128, 128, 1, 64, 8, false)
