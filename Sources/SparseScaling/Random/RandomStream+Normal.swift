import Foundation

extension RandomStream {
    /// A standard normal variate (256-layer ziggurat on 64-bit draws: 8 bits pick the layer, 1 the
    /// sign and 53 the abscissa, so the layer and the value never share bits). Exact in distribution.
    package mutating func normal() -> Double {
        normal(Ziggurat.normal)
    }

    /// Fills `count` entries from `start` with independent standard normal variates times `scale` (the
    /// same numbers as `count` calls of `normal()`, each times `scale`). The blocks are drawn many at a
    /// time and the ziggurat's common case runs over them in one loop.
    package mutating func fillNormals(_ start: UnsafeMutablePointer<Double>, count: Int, scale: Double = 1) {
        let table = Ziggurat.normal
        var i = 0
        while i < count {
            if !atBlockBoundary {
                start[i] = scale * normal(table)
                i += 1
                continue
            }
            // One 64-bit draw (half a block) per variate in the common case.
            let blocks = min(Self.bulkBlocks, (count - i + 1) / 2)
            var pending: (layer: Int, x: Double, negative: Bool)?
            consumeBlocks(blocks) { words in
                var draw = 0
                while draw < 2 * blocks && i < count {
                    let bits = UInt64(words[2 * draw]) << 32 | UInt64(words[2 * draw + 1])
                    draw += 1
                    let (layer, x, inside) = table.candidate(bits)
                    let negative = bits & 0x100 != 0
                    if !inside {
                        pending = (layer, x, negative)
                        break
                    }
                    start[i] = scale * (negative ? -x : x)
                    i += 1
                }
                return 2 * draw
            }
            if let (layer, x, negative) = pending {
                // The rest of `normal()` for a draw outside the core, from the words after it.
                if let z = normalOutsideCore(table, layer: layer, x: x) {
                    start[i] = scale * (negative ? -z : z)
                } else {
                    start[i] = scale * normal(table)
                }
                i += 1
            }
        }
    }

    /// Blocks drawn at once by `fillNormals`.
    static let bulkBlocks = 256

    @inline(__always)
    private mutating func normal(_ table: Ziggurat) -> Double {
        while true {
            let bits = next64()
            let negative = bits & 0x100 != 0
            let (layer, x, inside) = table.candidate(bits)
            if inside { return negative ? -x : x }
            if let z = normalOutsideCore(table, layer: layer, x: x) { return negative ? -z : z }
        }
    }

    /// The base layer's tail beyond r (Marsaglia, 1964) or a layer's wedge test; nil means "try again".
    @inline(never)
    private mutating func normalOutsideCore(_ table: Ziggurat, layer: Int, x: Double) -> Double? {
        if layer == 0 {
            let r = table.tailStart
            var t = 0.0, y = 0.0
            repeat {
                t = -log(uniform()) / r
                y = -log(uniform())
            } while 2 * y < t * t
            return r + t
        }
        return table.wedgeAccepts(layer: layer, x: x, u: uniform(), density: exp(-0.5 * x * x)) ? x : nil
    }
}
