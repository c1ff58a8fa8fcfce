import Foundation

/// The variance mass of the coordinates outside an observed set: Σ_{i ∉ S, i ≤ M} λ_i.
package enum UnobservedVariance {
    /// Below this index the gaps between observed coordinates are summed term by term; from it on,
    /// a gap longer than `directGap` is summed by Euler–Maclaurin (`powerSum`).
    static let eulerMaclaurinStart = 256
    /// Gaps shorter than this are summed term by term wherever they lie.
    static let directGap = 16

    /// Σ λ_i over i ≤ M not in `observed` (ascending). Computed gap by gap between consecutive observed
    /// coordinates, never as a difference against the total (no cancellation): term by term below
    /// `eulerMaclaurinStart` and for short gaps, by Euler–Maclaurin for long gaps and the tail past the
    /// last observed coordinate. The cost is O(K + min(max S, 256)), not O(max S).
    package static func sum(parameters: DataParameters, observed: [Int]) -> Double {
        let s = parameters.varianceExponent
        let m = parameters.inputDimension.finiteValue
        var total = 0.0, compensation = 0.0
        func add(_ term: Double) {
            let t = total + term
            compensation += abs(total) >= abs(term) ? (total - t) + term : (term - t) + total
            total = t
        }
        var next = 1  // the first coordinate not yet accounted for
        for o in observed {
            if let m, o > m { break }
            if o > next { gap(from: next, through: o - 1, parameters: parameters, exponent: s, add: add) }
            next = max(next, o + 1)
        }
        if let m {
            if next <= m { gap(from: next, through: m, parameters: parameters, exponent: s, add: add) }
        } else {
            let start = max(next, eulerMaclaurinStart)
            if next < start { gap(from: next, through: start - 1, parameters: parameters, exponent: s, add: add) }
            add(powerSum(exponent: s, from: Double(start), through: .infinity))
        }
        return max(0, total + compensation)
    }

    /// Adds Σ_{a ≤ i ≤ b} λ_i: term by term below `eulerMaclaurinStart` and for short ranges, else by Euler–Maclaurin.
    private static func gap(from a: Int, through b: Int, parameters: DataParameters, exponent s: Double, add: (Double) -> Void) {
        var i = a
        while i <= b && (i < eulerMaclaurinStart || b - i < directGap) {
            add(parameters.marginalVariance(i))
            i += 1
        }
        if i <= b { add(powerSum(exponent: s, from: Double(i), through: Double(b))) }
    }

    /// Σ_{a ≤ i ≤ b} i^−s for a ≥ 256 (b = ∞ needs s > 1), by Euler–Maclaurin to the seventh derivative.
    /// The first omitted term, B₁₀/10!·f⁽⁹⁾(a), is below 1e-18 of the sum for s ≤ 20 at a = 256.
    static func powerSum(exponent s: Double, from a: Double, through b: Double) -> Double {
        let u = 1 - s
        let integral: Double
        if b == .infinity {
            integral = pow(a, u) / (s - 1)
        } else {
            let logRatio = log(b / a)
            integral = u == 0 ? logRatio : pow(a, u) * expm1(u * logRatio) / u
        }
        // f^(k)(x) = (−1)^k s(s+1)…(s+k−1) x^(−s−k); each is 0 at b = ∞.
        func derivative(_ k: Int, _ x: Double) -> Double {
            guard x.isFinite else { return 0 }
            var c = 1.0
            for j in 0..<k { c *= -(s + Double(j)) }
            return c * pow(x, -s - Double(k))
        }
        let ends = 0.5 * (pow(a, -s) + (b.isFinite ? pow(b, -s) : 0))
        return integral + ends
            + (derivative(1, b) - derivative(1, a)) / 12
            - (derivative(3, b) - derivative(3, a)) / 720
            + (derivative(5, b) - derivative(5, a)) / 30240
            - (derivative(7, b) - derivative(7, a)) / 1_209_600
    }
}
