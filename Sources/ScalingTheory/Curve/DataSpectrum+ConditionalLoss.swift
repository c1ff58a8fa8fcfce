import Foundation

extension DataSpectrum {
    /// κ > 0 solving Σ_j s_j/(s_j + κ) = N, the ridge a Gaussian sketch of size N acts like
    /// (docs/theory.md §6.2); nil unless 0 < N < r. Bracketed in [s_min(r − N)/N, Σ s_j/N], solved to 1e-12.
    public func effectiveRidge(featureCount n: Int) -> Double? {
        guard n > 0, n < rank else { return nil }
        let target = Double(n)
        let smallest = eigenvalues.min()!, total = eigenvalues.reduce(0, +)
        let lower = smallest * Double(rank - n) / target
        let upper = total / target
        return MonotoneRoot.decreasing(from: lower, to: upper, target: target) { kappa in
            eigenvalues.reduce(0) { $0 + $1 / ($1 + kappa) }
        }
    }

    /// df₂ = Σ_j s_j²/(s_j + κ)² at ridge κ.
    public func secondDegreesOfFreedom(ridge kappa: Double) -> Double {
        eigenvalues.reduce(0) { sum, s in
            let x = s / (s + kappa)
            return sum + x * x
        }
    }

    /// κ² Σ_j g_j/(s_j + κ)²: the loss on the range of A that a ridge κ leaves unfitted.
    public func rangeBias(ridge kappa: Double) -> Double {
        zip(eigenvalues, weights).reduce(0) { sum, pair in
            let x = kappa / (pair.0 + kappa)
            return sum + pair.1 * x * x
        }
    }

    /// E[L | data] over W and w* at model size N (expected-tail loss, docs/theory.md §6):
    /// exact (T + G₀)(N − 1)/(N − 1 − r) for N ≥ r + 2; infinite for N ∈ {r − 1, r, r + 1};
    /// for N ≤ r − 2 the deterministic equivalent of §6.2 with the given finite-N correction
    /// (infinite where that correction places N at its pole).
    public func conditionalMeanLoss(featureCount n: Int,
                                    correction: FiniteSizeCorrection = .half) -> ConditionalMean {
        precondition(n >= 1, "model size N must be ≥ 1")
        let r = rank
        if n >= r + 2 {
            return .finite(unfittableMass * Double(n - 1) / Double(n - 1 - r))
        }
        if n >= r - 1 { return .infinite }
        let kappa = effectiveRidge(featureCount: n)!
        let loss = correction.loss(bias: rangeBias(ridge: kappa), unfittable: unfittableMass,
                                   featureCount: Double(n), df2: secondDegreesOfFreedom(ridge: kappa))
        return loss.map { .finite($0) } ?? .infinite
    }

    /// The exact law of E[L | data, v] (null directions and tail averaged, docs/theory.md §6.1) for
    /// N ≥ r: (T + G₀)(1 + χ²_r/χ²_{N−r+1}); nil for N < r.
    public func conditionalLossLaw(featureCount n: Int) -> BetaPrimeLossLaw? {
        BetaPrimeLossLaw(overparameterizedRank: rank, featureCount: n, unfittableMass: unfittableMass)
    }
}
