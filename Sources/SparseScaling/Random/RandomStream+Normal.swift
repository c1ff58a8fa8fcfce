import Foundation

extension RandomStream {
    /// A standard normal variate (256-layer ziggurat on 64-bit draws: 8 bits pick the layer, 1 the
    /// sign and 53 the abscissa, so the layer and the value never share bits). Exact in distribution.
    package mutating func normal() -> Double {
        normal(Ziggurat.normal)
    }

    /// Fills `count` entries from `start` with independent standard normal variates (the same numbers
    /// as `count` calls of `normal()`).
    package mutating func fillNormals(_ start: UnsafeMutablePointer<Double>, count: Int) {
        let table = Ziggurat.normal
        for i in 0..<count { start[i] = normal(table) }
    }

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
