import Foundation

extension RandomStream {
    /// A standard exponential variate (256-layer ziggurat on 64-bit draws; the tail beyond r is r plus
    /// a fresh exponential variate). Exact in distribution; the same law as −log(uniform()).
    package mutating func exponential() -> Double {
        let table = Ziggurat.exponential
        var offset = 0.0
        while true {
            let (layer, x, inside) = table.candidate(next64())
            if inside { return offset + x }
            if layer == 0 {
                offset += table.tailStart
            } else if table.wedgeAccepts(layer: layer, x: x, u: uniform(), density: exp(-x)) {
                return offset + x
            }
        }
    }
}
