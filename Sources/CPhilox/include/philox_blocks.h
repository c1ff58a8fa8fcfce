#ifndef PHILOX_BLOCKS_H
#define PHILOX_BLOCKS_H
#include <stdint.h>

/// Writes the Philox4x32-10 blocks of the counters (c0 + j, c1, c2, c3), j = 0..<count, under the
/// key (k0, k1) to out[4j ..< 4j + 4]. Uses AVX-512 (16 blocks per step) or AVX2 (8) when the processor has it,
/// portable scalar code otherwise; both give the same words.
void philox4x32_10_blocks(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3,
                          int count, uint32_t *out);

/// The common case of the 256-layer normal ziggurat over consecutive 64-bit draws (draw j is
/// words[2j] << 32 | words[2j + 1]; its low 8 bits pick the layer, bit 8 the sign, the top 53 the
/// abscissa x = top53 · 2⁻⁵³ · edges[layer]): writes scale·(±x) to out[j] while x < edges[layer + 1],
/// for at most `draws` draws and `limit` outputs, and returns how many it wrote (the draw after them,
/// if any, is outside the core). The same numbers as the scalar formula, with AVX-512 where present.
int ziggurat_normal_core(const uint32_t *words, int draws, const double *edges, double scale, double *out, int limit);

#endif
