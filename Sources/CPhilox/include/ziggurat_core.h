#ifndef ZIGGURAT_CORE_H
#define ZIGGURAT_CORE_H
#include <stdint.h>

/// The common case of the 256-layer normal ziggurat over consecutive 64-bit draws (draw j is
/// words[2j] << 32 | words[2j + 1]; its low 8 bits pick the layer, bit 8 the sign, the top 53 the
/// abscissa x = top53 · 2⁻⁵³ · edges[layer]): writes scale·(±x) to out[j] while x < edges[layer + 1],
/// for at most `draws` draws and `limit` outputs, and returns how many it wrote (the draw after them,
/// if any, is outside the core). The same numbers as the scalar formula, with AVX-512 where present.
int ziggurat_normal_core(const uint32_t *words, int draws, const double *edges, double scale, double *out, int limit);

#endif
