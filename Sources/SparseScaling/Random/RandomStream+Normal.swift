import CPhilox
import Foundation

extension RandomStream {
    /// A standard normal variate (256-layer ziggurat on 64-bit draws: 8 bits pick the layer, 1 the
    /// sign and 53 the abscissa, so the layer and the value never share bits). Exact in distribution.
    package mutating func normal() -> Double {
        normal(Ziggurat.normal)
    }

    /// Fills `count` entries from `start` with independent standard normal variates times `scale` (the
    /// same numbers as `count` calls of `normal()`, each times `scale`). The blocks are drawn many at a
    /// time and the ziggurat's common case runs over them in vector code (`ziggurat_normal_core`).
    package mutating func fillNormals(_ start: UnsafeMutablePointer<Double>, count: Int, scale: Double = 1) {
        let table = Ziggurat.normal
        var i = 0
        while i < count && !atBlockBoundary {
            start[i] = scale * normal(table)
            i += 1
        }
        guard i < count else { return }
        withBulkDraws(chunkBlocks: Self.bulkBlocks) { draws in
            while i < count {
                // The draws inside the core, many at a time; then the next one (outside, or a new chunk) here.
                draws.consumeDraws { words, available in
                    let written = Int(ziggurat_normal_core(
                        words, Int32(available), table.edges, scale, start + i, Int32(clamping: count - i)))
                    i += written
                    return written
                }
                guard i < count else { break }
                let bits = draws.next64(expecting: count - i)
                let negative = bits & 0x100 != 0
                let (layer, x, inside) = table.candidate(bits)
                if inside {
                    start[i] = scale * (negative ? -x : x)
                    i += 1
                } else if let z = Self.outsideCore(table, layer: layer, x: x, uniform: { draws.uniform() }) {
                    start[i] = scale * (negative ? -z : z)
                    i += 1
                }
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
        Self.outsideCore(table, layer: layer, x: x, uniform: { uniform() })
    }

    /// `normalOutsideCore` with the uniforms from `uniform`.
    @inline(never)
    private static func outsideCore(_ table: Ziggurat, layer: Int, x: Double, uniform: () -> Double) -> Double? {
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
