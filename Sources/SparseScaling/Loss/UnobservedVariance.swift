import Foundation

/// The variance mass of the coordinates outside an observed set: Σ_{i ∉ S, i ≤ M} λ_i.
package enum UnobservedVariance {
    /// Below this index the gaps between observed coordinates are summed term by term; from it on,
    /// a gap longer than `directGap` is summed by Euler–Maclaurin (`RestActivationLaw.powerSum`).
    static let eulerMaclaurinStart = 4096
    /// Gaps shorter than this are summed term by term wherever they lie.
    static let directGap = 16

    /// Σ λ_i over i ≤ M not in `observed` (ascending). Computed gap by gap between consecutive observed
    /// coordinates, never as a difference against the total (no cancellation): term by term below
    /// `eulerMaclaurinStart` and for short gaps, by Euler–Maclaurin for long gaps and the tail past the
    /// last observed coordinate. The cost is O(K + min(max S, 4096)), not O(max S).
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
            add(powerTail(exponent: s, from: Double(start)))
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
        if i <= b { add(RestActivationLaw.powerSum(exponent: s, from: Double(i), through: Double(b))) }
    }

    /// Σ_{i ≥ a} i^−s for a ≥ 4096 and s > 1, by Euler–Maclaurin to the fifth derivative (the same
    /// expansion as `RestActivationLaw.powerSum` with b = ∞; relative error far below 1e-16).
    static func powerTail(exponent s: Double, from a: Double) -> Double {
        let derivative1 = -s * pow(a, -s - 1)
        let derivative3 = -s * (s + 1) * (s + 2) * pow(a, -s - 3)
        let derivative5 = -s * (s + 1) * (s + 2) * (s + 3) * (s + 4) * pow(a, -s - 5)
        return pow(a, 1 - s) / (s - 1) + 0.5 * pow(a, -s) - derivative1 / 12 + derivative3 / 720 - derivative5 / 30240
    }
}
