#include "philox_blocks.h"

/// One draw: scale·(±x) if it falls inside the core, else 0 (nothing written).
static inline int core_scalar(uint64_t bits, const double *edges, double scale, double *out) {
    int layer = (int)(bits & 0xff);
    double x = (double)(int64_t)(bits >> 11) * 0x1p-53 * edges[layer];
    if (!(x < edges[layer + 1])) return 0;
    *out = scale * ((bits & 0x100) ? -x : x);
    return 1;
}

static int core_portable(const uint32_t *words, int draws, const double *edges, double scale, double *out, int limit) {
    int n = draws < limit ? draws : limit, j = 0;
    for (; j < n; j++) {
        uint64_t bits = (uint64_t)words[2 * j] << 32 | words[2 * j + 1];
        if (!core_scalar(bits, edges, scale, out + j)) break;
    }
    return j;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

__attribute__((target("avx512f,avx512dq"))) static int core_avx512(
    const uint32_t *words, int draws, const double *edges, double scale, double *out, int limit) {
    int n = draws < limit ? draws : limit, j = 0;
    const __m512i layerMask = _mm512_set1_epi64(0xff), signBit = _mm512_set1_epi64(0x100);
    const __m512d unit = _mm512_set1_pd(0x1p-53), factor = _mm512_set1_pd(scale);
    const __m512d negativeZero = _mm512_set1_pd(-0.0);
    for (; j + 8 <= n; j += 8) {
        // Draw j is words[2j] << 32 | words[2j + 1]: a little-endian 64-bit load with its halves swapped.
        __m512i bits = _mm512_ror_epi64(_mm512_loadu_si512((const void *)(words + 2 * j)), 32);
        __m512i layer = _mm512_and_si512(bits, layerMask);
        __m512d width = _mm512_i64gather_pd(layer, edges, 8);
        __m512d next = _mm512_i64gather_pd(layer, edges + 1, 8);
        __m512d x = _mm512_mul_pd(_mm512_mul_pd(_mm512_cvtepi64_pd(_mm512_srli_epi64(bits, 11)), unit), width);
        __mmask8 inside = _mm512_cmp_pd_mask(x, next, _CMP_LT_OQ);
        __mmask8 negative = _mm512_test_epi64_mask(bits, signBit);
        __m512d value = _mm512_mask_xor_pd(x, negative, x, negativeZero);
        __m512d result = _mm512_mul_pd(factor, value);
        if (inside == 0xff) {
            _mm512_storeu_pd(out + j, result);
            continue;
        }
        int k = __builtin_ctz(~(unsigned)inside);  // leading draws inside the core
        _mm512_mask_storeu_pd(out + j, (__mmask8)((1u << k) - 1), result);
        return j + k;
    }
    return j + core_portable(words + 2 * j, n - j, edges, scale, out + j, n - j);
}

int ziggurat_normal_core(const uint32_t *words, int draws, const double *edges, double scale, double *out, int limit) {
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq"))
        return core_avx512(words, draws, edges, scale, out, limit);
    return core_portable(words, draws, edges, scale, out, limit);
}
#else
int ziggurat_normal_core(const uint32_t *words, int draws, const double *edges, double scale, double *out, int limit) {
    return core_portable(words, draws, edges, scale, out, limit);
}
#endif
