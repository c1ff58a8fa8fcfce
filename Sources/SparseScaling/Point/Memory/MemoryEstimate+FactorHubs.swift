import Foundation
import ScalingTheory

extension MemoryEstimate {
    /// The hub count the sparse factor (`SparseMomentBlocks`) is expected to settle on: the smallest power of
    /// two h ≤ min(2048, K/2) past which co-activation is subcritical, D·Σ_{j>h} p_j² ≤ 1/2 (the mean number of
    /// further non-hub coordinates a coordinate's samples share with it per unit of weight; beyond 1 a giant
    /// component forms). Measured at β = 2, N = 2048: 1024 at D = 10⁹, 2048 at D = 10¹⁰ (as predicted).
    static func expectedFactorHubCount(_ parameters: DataParameters, sampleCount: Int, observed k: Double) -> Int {
        let d = Double(sampleCount)
        let limit = max(1, min(2048, Int(min(k, 1e15)) / 2))
        guard parameters.beta > 0.5 else { return limit }
        var h = 1
        while h * 2 <= limit {
            let rest = Zeta.powerSum(2 * parameters.beta, from: h + 1, through: parameters.inputDimension.finiteValue)
            if d * rest <= 0.5 { break }
            h *= 2
        }
        return h
    }

    /// Bytes of the sparse factor's hub moments: the hubs' Schur complement and its pivoted Cholesky
    /// (three h × h), and per non-hub coordinate i (its component, almost always alone) the h_i × h_i
    /// moment of the hubs co-active with it, its coupling to them in the moments and in the factor, and
    /// their list. h_i ≤ min(h, E[K(D·p_i)]), the expected distinct coordinates among the D·p_i samples
    /// touching i (docs/theory.md §4); the sums over i run on a geometric grid of i (each bin at its largest
    /// count), then bound the coordinates with fewer than 0.01 expected samples by ζ-weighted counts.
    /// Measured Σ h_i² at β = 2, N = 2048: 2.92·10⁶ at D = 10⁹, 1.49·10⁷ at D = 10¹⁰ (`SublinearMemoryModelTests`
    /// checks the bound at small D).
    static func factorHubMomentBytes(_ parameters: DataParameters, sampleCount: Int, observed k: Double) -> Double {
        let hubs = expectedFactorHubCount(parameters, sampleCount: sampleCount, observed: k)
        let h = Double(hubs), d = Double(sampleCount)
        let schur = 3 * 8 * h * h
        guard parameters.beta > 1 else { return schur }
        let last = parameters.inputDimension.finiteValue ?? SparseSampler.indexCap
        var squares = 0.0, sums = 0.0
        var i = hubs + 1
        while i <= last, d * parameters.activationProbability(i) >= 0.01 {
            let end = min(last + 1, max(i + 1, Int(Double(i) * 1.05)))
            let co = min(h, parameters.expectedObservedCoordinates(sampleCount: d * parameters.activationProbability(i)))
            squares += Double(end - i) * co * co
            sums += Double(end - i) * co
            i = end
        }
        if i <= last {
            // Fewer than 0.01 expected samples: h_i ≤ (its samples)·(active coordinates per sample).
            let tail = d * Zeta.powerSum(parameters.beta, from: i, through: parameters.inputDimension.finiteValue)
            let perSample = MemoryEstimate.expectedActivePerSample(parameters)
            squares += tail * perSample * perSample
            sums += tail * perSample
        }
        return schur + 8 * squares + 8 * 3 * sums
    }
}
