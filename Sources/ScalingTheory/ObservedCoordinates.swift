import Foundation

extension DataParameters {
    /// E[K(D)] = Σ_{i≤M} [1 − (1 − p_i)^D]: the expected number of coordinates active in at least
    /// one of D samples (docs/theory.md §4). D ≥ 0 may be fractional; about 1e-12 relative up to D = 10^12.
    public func expectedObservedCoordinates(sampleCount d: Double) -> Double {
        precondition(d.isFinite && d >= 0, "data size D must be finite and ≥ 0")
        if d == 0 { return 0 }
        if beta == 0 { return Double(inputDimension.finiteValue!) }  // every coordinate always active
        let summand = SparseSummand(kind: .observedCoordinates, beta: beta,
                                    varianceExponent: varianceExponent, sampleCount: d)
        return EulerMaclaurin.sum(summand, from: 1, through: inputDimension.finiteValue)
    }

    /// The large-D asymptote Γ(1 − 1/β)·D^(1/β) of E[K(D)] for β > 1 (M = ∞, or D ≪ M^β); nil for β ≤ 1.
    public func observedCoordinatesAsymptote(sampleCount d: Double) -> Double? {
        guard beta > 1 else { return nil }
        return exp(lgamma(1 - 1 / beta) + log(d) / beta)  // in logs: Γ(1 − 1/β) is large for β near 1
    }
}
