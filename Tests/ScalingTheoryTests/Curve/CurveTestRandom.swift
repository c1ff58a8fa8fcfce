import Foundation
import TestSupport

/// A small deterministic generator for the curve tests (SplitMix64, Box–Muller normals).
struct CurveTestRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(state: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1) }

    /// Uniform in (0, 1).
    mutating func uniform() -> Double { generator.openUnit() }

    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// χ² with k degrees of freedom as a sum of k squared normals.
    mutating func chiSquared(_ k: Int) -> Double {
        var s = 0.0
        for _ in 0..<k {
            let z = normal()
            s += z * z
        }
        return s
    }

    /// Binomial(n, p) by inversion from 0 (cost ~ n·p).
    mutating func binomial(_ n: Int, _ p: Double) -> Int {
        if p >= 1 { return n }
        if p <= 0 { return 0 }
        if n > 200, Double(n) * p > 30 {
            var c = 0
            for _ in 0..<n where uniform() < p { c += 1 }
            return c
        }
        var u = uniform()
        var k = 0
        var pmf = exp(Double(n) * log1p(-p))
        let ratio = p / (1 - p)
        while u > pmf, k < n {
            u -= pmf
            pmf *= ratio * Double(n - k) / Double(k + 1)
            k += 1
        }
        return k
    }
}

/// The p-quantile of a sample (sorted copy, lower order statistic).
func sampleQuantile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))]
}
