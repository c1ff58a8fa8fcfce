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

    /// The sketch's traces at ridge κ (`SketchTraces`): the moments of x_j = s_j/(s_j + κ) and of g_j·y_j,
    /// y_j = κ/(s_j + κ), that the finite-N corrections read, with U = T + G₀.
    public func sketchTraces(featureCount n: Int, ridge kappa: Double) -> SketchTraces {
        var m = SIMD3<Double>(repeating: 0), bias = SIMD3<Double>(repeating: 0)
        for (s, g) in zip(eigenvalues, weights) {
            let x = s / (s + kappa), y = kappa / (s + kappa)
            let x2 = x * x, y2 = y * y
            m += SIMD3(x2, x2 * x, x2 * x2)
            bias += g * SIMD3(y2, y2 * y, y2 * y2)
        }
        return SketchTraces(featureCount: Double(n), secondMoment: m[0], thirdMoment: m[1], fourthMoment: m[2],
                            bias: bias[0], thirdBiasMoment: bias[1], fourthBiasMoment: bias[2],
                            unfittable: unfittableMass)
    }

    /// E[L | data] over W and w* at model size N (expected-tail loss, docs/theory.md §6):
    /// exact (T + G₀)(N − 1)/(N − 1 − r) for N ≥ r + 2; infinite for N ∈ {r − 1, r, r + 1};
    /// for N ≤ r − 2 the deterministic equivalent of §6.2 with the given finite-N correction
    /// (infinite where that correction places N at its pole).
    public func conditionalMeanLoss(featureCount n: Int,
                                    correction: FiniteSizeCorrection = .standard) -> ConditionalMean {
        precondition(n >= 1, "model size N must be ≥ 1")
        let r = rank
        if n >= r + 2 {
            return .finite(unfittableMass * Double(n - 1) / Double(n - 1 - r))
        }
        if n >= r - 1 { return .infinite }
        let kappa = effectiveRidge(featureCount: n)!
        let loss = correction.loss(sketchTraces(featureCount: n, ridge: kappa))
        return loss.map { .finite($0) } ?? .infinite
    }

    /// The exact law of E[L | data, v] (null directions and tail averaged, docs/theory.md §6.1) for
    /// N ≥ r: (T + G₀)(1 + χ²_r/χ²_{N−r+1}); nil for N < r.
    public func conditionalLossLaw(featureCount n: Int) -> BetaPrimeLossLaw? {
        BetaPrimeLossLaw(overparameterizedRank: rank, featureCount: n, unfittableMass: unfittableMass)
    }
}
