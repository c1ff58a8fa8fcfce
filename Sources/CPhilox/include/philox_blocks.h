#ifndef PHILOX_BLOCKS_H
#define PHILOX_BLOCKS_H
#include <stdint.h>

/// Writes the Philox4x32-10 blocks of the counters (c0 + j, c1, c2, c3), j = 0..<count, under the
/// key (k0, k1) to out[4j ..< 4j + 4]. Uses AVX2 when the processor has it (8 blocks per step),
/// portable scalar code otherwise; both give the same words.
void philox4x32_10_blocks(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3,
                          int count, uint32_t *out);

#endif
