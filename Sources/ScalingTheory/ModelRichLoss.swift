import Foundation

extension DataParameters {
    /// Σ_{i≤M} λ_i = Σ i^−(1+α+β): the total variance, i.e. the loss of the zero predictor.
    /// ζ(1+α+β) for M = ∞, a partial sum for finite M; about 1e-14 relative.
    public var totalVariance: Double {
        switch inputDimension {
        case .infinite: return Zeta.riemann(varianceExponent)
        case let .finite(m): return Zeta.partialSum(varianceExponent, upTo: m)
        }
    }

    /// L_over(D) = Σ_{i≤M} λ_i (1 − p_i)^D: the expected model-rich (N ≫ D) loss, the variance of the
    /// coordinates no sample activated (docs/theory.md §4). About 1e-12 relative up to D = 10^12.
    public func modelRichLoss(sampleCount d: Double) -> Double {
        precondition(d.isFinite && d >= 0, "data size D must be finite and ≥ 0")
        if d == 0 { return totalVariance }
        if beta == 0 { return 0 }  // every coordinate is observed by the first sample
        let summand = SparseSummand(kind: .modelRichLoss, beta: beta,
                                    varianceExponent: varianceExponent, sampleCount: d)
        return EulerMaclaurin.sum(summand, from: 1, through: inputDimension.finiteValue)
    }

    /// The large-D asymptote (1/β)·Γ((α+β)/β)·D^(−(α+β)/β) of the model-rich loss for β > 1
    /// (M = ∞, or D ≪ M^β); nil for β ≤ 1. Infinite when it exceeds the Double range (large (α+β)/β, small D).
    public func modelRichLossAsymptote(sampleCount d: Double) -> Double? {
        guard beta > 1 else { return nil }
        let k = (alpha + beta) / beta
        return exp(lgamma(k) - log(beta) - k * log(d))  // in logs: Γ(k) overflows and D^−k underflows for large α
    }
}
