import Foundation
import ScalingAnalysis

/// The seeded generator of the theory's own Monte Carlo (SplitMix64 with normal, χ², binomial and
/// Poisson draws). It samples the THEORY's per-coordinate laws, never the model; same seed, same numbers.
struct LawSampler {
    private var bits: SplitMix64
    private var spareNormal: Double?

    /// A generator started from `seed`.
    init(seed: UInt64) { bits = SplitMix64(state: seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678) }

    /// The next 64 random bits (SplitMix64).
    mutating func next() -> UInt64 { bits.next() }

    /// Uniform in (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// A standard normal (polar Box–Muller).
    mutating func normal() -> Double {
        if let s = spareNormal { spareNormal = nil; return s }
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1, r = u * u + v * v
            if r > 0, r < 1 {
                let f = (-2 * log(r) / r).squareRoot()
                spareNormal = v * f
                return u * f
            }
        }
    }

    /// χ² with k ≥ 1 degrees of freedom (Marsaglia–Tsang gamma for k ≥ 2; Z² for k = 1).
    mutating func chiSquared(_ k: Int) -> Double {
        if k == 1 { let z = normal(); return z * z }
        let shape = Double(k) / 2, d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal(), v0 = 1 + c * x
            if v0 <= 0 { continue }
            let v = v0 * v0 * v0, u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return 2 * d * v }
        }
    }

    /// Binomial(n, p): inversion when the smaller of n·p, n·(1 − p) is below 30, otherwise the normal
    /// approximation rounded and clamped (its error is below 1/√30 of a count that only enters through χ²_k).
    /// `zeroProbability`, if given, is (1 − p)^n precomputed (it saves the exp and log of every call).
    mutating func binomial(_ n: Int, _ p: Double, zeroProbability: Double? = nil) -> Int {
        if p >= 1 { return n }
        if p <= 0 || n == 0 { return 0 }
        let flip = p > 0.5, q = flip ? 1 - p : p
        let mean = Double(n) * q
        var k: Int
        if mean < 30 {
            var pmf = (flip ? nil : zeroProbability) ?? exp(Double(n) * log1p(-q)), cdf = pmf, u = uniform()
            k = 0
            let ratio = q / (1 - q)
            while u > cdf && k < n {
                pmf *= ratio * Double(n - k) / Double(k + 1)
                k += 1
                cdf += pmf
                if pmf < 1e-300 && Double(k) > mean { u = cdf; break }
            }
        } else {
            k = Int((mean + (mean * (1 - q)).squareRoot() * normal()).rounded())
            k = min(n, max(0, k))
        }
        return flip ? n - k : k
    }

    /// Poisson(μ): inversion below μ = 30, the rounded normal approximation above.
    mutating func poisson(_ mu: Double) -> Int {
        if mu <= 0 { return 0 }
        if mu >= 30 { return max(0, Int((mu + mu.squareRoot() * normal()).rounded())) }
        var pmf = exp(-mu), cdf = pmf, k = 0
        let u = uniform()
        while u > cdf && k < 1000 { k += 1; pmf *= mu / Double(k); cdf += pmf }
        return k
    }
}
