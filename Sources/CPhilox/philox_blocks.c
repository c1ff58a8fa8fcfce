#include "philox_blocks.h"

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

static void blocks_scalar(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3,
                          int count, uint32_t *out) {
    for (int j = 0; j < count; j++) {
        uint32_t x0 = c0 + (uint32_t)j, x1 = c1, x2 = c2, x3 = c3, a = k0, b = k1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) { a += PHILOX_W0; b += PHILOX_W1; }
            uint64_t p0 = (uint64_t)PHILOX_M0 * x0, p1 = (uint64_t)PHILOX_M1 * x2;
            x0 = (uint32_t)(p1 >> 32) ^ x1 ^ a;
            x1 = (uint32_t)p1;
            x2 = (uint32_t)(p0 >> 32) ^ x3 ^ b;
            x3 = (uint32_t)p0;
        }
        out[4 * j] = x0; out[4 * j + 1] = x1; out[4 * j + 2] = x2; out[4 * j + 3] = x3;
    }
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

/// High and low 32-bit halves of the eight products m·x (lane by lane).
__attribute__((target("avx2"))) static inline void mulhilo8(__m256i m, __m256i x, __m256i *hi, __m256i *lo) {
    __m256i even = _mm256_mul_epu32(x, m);
    __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);
    *lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
    *hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

__attribute__((target("avx2"))) static void blocks_avx2(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1,
                                                        uint32_t c2, uint32_t c3, int count, uint32_t *out) {
    const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M0), m1 = _mm256_set1_epi32((int)PHILOX_M1);
    const __m256i step = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    int j = 0;
    for (; j + 8 <= count; j += 8) {
        __m256i x0 = _mm256_add_epi32(_mm256_set1_epi32((int)(c0 + (uint32_t)j)), step);
        __m256i x1 = _mm256_set1_epi32((int)c1), x2 = _mm256_set1_epi32((int)c2), x3 = _mm256_set1_epi32((int)c3);
        uint32_t a = k0, b = k1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) { a += PHILOX_W0; b += PHILOX_W1; }
            __m256i hi0, lo0, hi1, lo1;
            mulhilo8(m0, x0, &hi0, &lo0);
            mulhilo8(m1, x2, &hi1, &lo1);
            x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), _mm256_set1_epi32((int)a));
            x1 = lo1;
            x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), _mm256_set1_epi32((int)b));
            x3 = lo0;
        }
        // Interleave the four words of each block: a 4 × 8 transpose.
        __m256i t0 = _mm256_unpacklo_epi32(x0, x1), t1 = _mm256_unpackhi_epi32(x0, x1);
        __m256i t2 = _mm256_unpacklo_epi32(x2, x3), t3 = _mm256_unpackhi_epi32(x2, x3);
        __m256i u0 = _mm256_unpacklo_epi64(t0, t2), u1 = _mm256_unpackhi_epi64(t0, t2);
        __m256i u2 = _mm256_unpacklo_epi64(t1, t3), u3 = _mm256_unpackhi_epi64(t1, t3);
        // u0 = blocks 0 | 4, u1 = 1 | 5, u2 = 2 | 6, u3 = 3 | 7 (128-bit halves).
        __m256i *o = (__m256i *)(out + 4 * j);
        _mm256_storeu_si256(o, _mm256_permute2x128_si256(u0, u1, 0x20));
        _mm256_storeu_si256(o + 1, _mm256_permute2x128_si256(u2, u3, 0x20));
        _mm256_storeu_si256(o + 2, _mm256_permute2x128_si256(u0, u1, 0x31));
        _mm256_storeu_si256(o + 3, _mm256_permute2x128_si256(u2, u3, 0x31));
    }
    if (j < count) blocks_scalar(k0, k1, c0 + (uint32_t)j, c1, c2, c3, count - j, out + 4 * j);
}

/// High and low 32-bit halves of the sixteen products m·x (lane by lane).
__attribute__((target("avx512f"))) static inline void mulhilo16(__m512i m, __m512i x, __m512i *hi, __m512i *lo) {
    __m512i even = _mm512_mul_epu32(x, m);
    __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(x, 32), m);
    *lo = _mm512_mask_blend_epi32((__mmask16)0xAAAA, even, _mm512_slli_epi64(odd, 32));
    *hi = _mm512_mask_blend_epi32((__mmask16)0xAAAA, _mm512_srli_epi64(even, 32), odd);
}

/// Sixteen blocks at a time with AVX-512F; the rest (fewer than 16) with AVX2.
__attribute__((target("avx512f,avx2"))) static void blocks_avx512(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1,
                                                                  uint32_t c2, uint32_t c3, int count, uint32_t *out) {
    const __m512i m0 = _mm512_set1_epi32((int)PHILOX_M0), m1 = _mm512_set1_epi32((int)PHILOX_M1);
    const __m512i step = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    int j = 0;
    for (; j + 16 <= count; j += 16) {
        __m512i x0 = _mm512_add_epi32(_mm512_set1_epi32((int)(c0 + (uint32_t)j)), step);
        __m512i x1 = _mm512_set1_epi32((int)c1), x2 = _mm512_set1_epi32((int)c2), x3 = _mm512_set1_epi32((int)c3);
        uint32_t a = k0, b = k1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) { a += PHILOX_W0; b += PHILOX_W1; }
            __m512i hi0, lo0, hi1, lo1;
            mulhilo16(m0, x0, &hi0, &lo0);
            mulhilo16(m1, x2, &hi1, &lo1);
            x0 = _mm512_xor_si512(_mm512_xor_si512(hi1, x1), _mm512_set1_epi32((int)a));
            x1 = lo1;
            x2 = _mm512_xor_si512(_mm512_xor_si512(hi0, x3), _mm512_set1_epi32((int)b));
            x3 = lo0;
        }
        // Interleave the four words of each block: in each 128-bit lane L, u_k holds block 4L + k.
        __m512i t0 = _mm512_unpacklo_epi32(x0, x1), t1 = _mm512_unpackhi_epi32(x0, x1);
        __m512i t2 = _mm512_unpacklo_epi32(x2, x3), t3 = _mm512_unpackhi_epi32(x2, x3);
        __m512i u0 = _mm512_unpacklo_epi64(t0, t2), u1 = _mm512_unpackhi_epi64(t0, t2);
        __m512i u2 = _mm512_unpacklo_epi64(t1, t3), u3 = _mm512_unpackhi_epi64(t1, t3);
        // Lane L of u0…u3 is blocks 4L…4L+3: gather lane L of each into one vector (two 2-source permutes).
        const __m512i low = _mm512_setr_epi64(0, 1, 8, 9, 2, 3, 10, 11);   // lanes 0,0',1,1' of (a, b)
        const __m512i high = _mm512_setr_epi64(4, 5, 12, 13, 6, 7, 14, 15); // lanes 2,2',3,3' of (a, b)
        __m512i p01lo = _mm512_permutex2var_epi64(u0, low, u1);   // u0.L0 u1.L0 u0.L1 u1.L1
        __m512i p23lo = _mm512_permutex2var_epi64(u2, low, u3);   // u2.L0 u3.L0 u2.L1 u3.L1
        __m512i p01hi = _mm512_permutex2var_epi64(u0, high, u1);  // u0.L2 u1.L2 u0.L3 u1.L3
        __m512i p23hi = _mm512_permutex2var_epi64(u2, high, u3);  // u2.L2 u3.L2 u2.L3 u3.L3
        const __m512i first = _mm512_setr_epi64(0, 1, 2, 3, 8, 9, 10, 11);
        const __m512i second = _mm512_setr_epi64(4, 5, 6, 7, 12, 13, 14, 15);
        __m512i *o = (__m512i *)(out + 4 * j);
        _mm512_storeu_si512(o, _mm512_permutex2var_epi64(p01lo, first, p23lo));      // blocks 0–3
        _mm512_storeu_si512(o + 1, _mm512_permutex2var_epi64(p01lo, second, p23lo)); // blocks 4–7
        _mm512_storeu_si512(o + 2, _mm512_permutex2var_epi64(p01hi, first, p23hi));  // blocks 8–11
        _mm512_storeu_si512(o + 3, _mm512_permutex2var_epi64(p01hi, second, p23hi)); // blocks 12–15
    }
    if (j < count) blocks_avx2(k0, k1, c0 + (uint32_t)j, c1, c2, c3, count - j, out + 4 * j);
}

void philox4x32_10_blocks(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3,
                          int count, uint32_t *out) {
    if (count >= 16 && __builtin_cpu_supports("avx512f")) blocks_avx512(k0, k1, c0, c1, c2, c3, count, out);
    else if (__builtin_cpu_supports("avx2")) blocks_avx2(k0, k1, c0, c1, c2, c3, count, out);
    else blocks_scalar(k0, k1, c0, c1, c2, c3, count, out);
}
#else
void philox4x32_10_blocks(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3,
                          int count, uint32_t *out) {
    blocks_scalar(k0, k1, c0, c1, c2, c3, count, out);
}
#endif
