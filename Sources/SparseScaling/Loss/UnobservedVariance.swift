import Foundation

/// The variance mass of the coordinates outside an observed set: Σ_{i ∉ S, i ≤ M} λ_i.
package enum UnobservedVariance {
    /// Σ λ_i over i ≤ M not in `observed` (ascending). Computed without cancellation against the
    /// total: the head up to a bound is summed term by term, the rest through Hurwitz zeta values.
    package static func sum(parameters: DataParameters, observed: [Int]) -> Double {
        let s = parameters.varianceExponent
        let m = parameters.inputDimension.finiteValue
        let bound = min(m ?? Int.max, max(1 << 16, 4 * observed.count))
        var head = 0.0
        var k = 0
        for i in 1...bound {
            if k < observed.count, observed[k] == i {
                k += 1
                continue
            }
            head += parameters.marginalVariance(i)
        }
        // Σ_{i > bound, i ≤ M} λ_i minus the observed ones beyond the bound.
        var beyond = 0.0
        if m == nil || m! > bound {
            beyond = Zeta.hurwitz(s, Double(bound) + 1)
            if let m { beyond -= Zeta.hurwitz(s, Double(m) + 1) }
        }
        var observedBeyond = 0.0
        for i in observed[k...] { observedBeyond += parameters.marginalVariance(i) }
        return head + max(0, beyond - observedBeyond)
    }
}
