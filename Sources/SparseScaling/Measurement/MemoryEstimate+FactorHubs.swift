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
    /// their list. h_i ≈ min(h, Γ(1 − 1/β)·(D·p_i)^{1/β}), the expected distinct coordinates among the
    /// D·p_i samples touching i (as E[K(n)]); with a = Γ(1 − 1/β)·D^{1/β} (h_i = a/i, p_i = i^−β) and
    /// i* = a/h, Σ_{i>h} h_i² ≈ h²·(i* − h)⁺ + a²/max(h, i*) and Σ h_i ≈ h·(i* − h)⁺ + a·ln(K/max(h, i*)).
    /// Measured Σ h_i² at β = 2: 2.92·10⁶ at D = 10⁹ (this formula: 3.07·10⁶), 1.49·10⁷ at D = 10¹⁰ (1.53·10⁷).
    static func factorHubMomentBytes(_ parameters: DataParameters, sampleCount: Int, observed k: Double) -> Double {
        let beta = parameters.beta
        let h = Double(expectedFactorHubCount(parameters, sampleCount: sampleCount, observed: k))
        let schur = 3 * 8 * h * h
        guard beta > 1 else { return schur }
        let a = tgamma(1 - 1 / beta) * pow(Double(sampleCount), 1 / beta)
        let crossing = a / h, start = max(h, crossing)
        let capped = max(0, crossing - h)
        let squares = h * h * capped + a * a / start
        let sums = h * capped + a * log(max(1, k / start))
        return schur + 8 * squares + 8 * 3 * sums
    }
}
