import Foundation

/// The importance-sampling proposal for rare GD failures (α < −1), "late-activation tilting".
///
/// Mechanism (MODEL.md §4): a single activation at a late index i adds ≈ i^−(1+α)·ξ²/D to
/// λ_max(F Fᵀ/D); since 1+α < 0 this grows with i, and GD fails once it exceeds τ = 2/η. Failures
/// therefore come from activations at indices i ≳ i* = (τD)^(−1/(1+α)) (or somewhat below i* with a
/// large ξ²), which under the model occur with probability ≈ D·Σ_{i≥i*} i^−β ∝ D^((α+β)/(1+α)).
///
/// The proposal changes only coordinates i ≥ i₀, where i₀ solves τ·D·i₀^(1+α) = S (S = `amplitudeCap`,
/// default 30, so an activation below i₀ would need ξ² > S to cause a failure):
/// - each pair (sample d, coordinate i ≥ i₀) is active with probability q_i = θ·p_i·(i/i₀)^γ instead
///   of p_i = i^−β, with γ = max(0, β − 1 − κ) (κ = 0.3) so that the boosted indices spread over many
///   decades above i₀ (density ∝ i^−(1+κ)), and θ set so that the expected number of boosted
///   activations per dataset is m (`expectedBoostedActivations`, default 1);
/// - a boosted activation's amplitude ξ is drawn from N(0, σ_i²) with σ_i² = max(1, τ·D·i^(1+α)) ≤ S,
///   the ξ² that index i needs to fail, instead of N(0, 1).
/// Everything else (coordinate 1, indices below i₀, the embedding) is drawn exactly as in the model.
/// The likelihood ratio of a dataset is exact:
///   log w = D·C + Σ_{boosted activations} [log(p_i/q_i) − log((1−p_i)/(1−q_i)) + log σ_i − ξ²(1 − 1/σ_i²)/2],
/// with C = Σ_{i₀≤i≤cap} log((1−p_i)/(1−q_i)) = Σ_k (1/k) Σ_i (q_i^k − p_i^k) summed through Hurwitz zeta values.
/// P̂ = mean of w·1{failure}, with standard error sd/√R. It is unbiased for any D (the proposal
/// dominates the model), and its relative error stays O(1/√R) as P → 0 because a failure under the
/// proposal is an O(1)-probability event.
public struct GDFailureProposal: Sendable, Codable, Hashable {
    /// i₀, the first boosted coordinate.
    public let firstBoostedIndex: Int
    /// γ, the index tilt: q_i/p_i = θ·(i/i₀)^γ.
    public let indexTilt: Double
    /// θ, the rate factor at i₀.
    public let rateFactor: Double
    /// τ·D, so that σ_i² = max(1, τ·D·i^(1+α)).
    public let amplitudeScale: Double
    /// D·C, the data-independent part of log w.
    public let logWeightConstant: Double
    /// 1 + α (negative).
    let amplitudeExponent: Double
    /// β.
    let beta: Double

    /// The proposal for activation exponent β, amplitude exponent α < −1, D samples and failure
    /// threshold τ on λ_max(F Fᵀ/D).
    public init(
        alpha: Double, beta: Double, sampleCount: Int, threshold: Double, amplitudeCap: Double = 30,
        expectedBoostedActivations: Double = 1, tailExponent kappa: Double = 0.3
    ) {
        precondition(alpha < -1 && beta > 1 && threshold > 0 && amplitudeCap >= 1)
        let d = Double(sampleCount)
        let e = 1 + alpha
        let cap = Double(SparseSampler.indexCap)
        var i0 = (pow(amplitudeCap / (threshold * d), 1 / e)).rounded(.up)
        i0 = min(max(i0, 2), cap / 4)
        let gamma = max(0, beta - 1 - kappa)
        // Σ_{i0 ≤ i ≤ cap} i^−s through Hurwitz zeta values.
        func tail(_ s: Double) -> Double { Zeta.hurwitz(s, i0) - Zeta.hurwitz(s, cap + 1) }
        let theta = expectedBoostedActivations / (d * pow(i0, -gamma) * tail(beta - gamma))
        var c = 0.0
        for k in 1...4 {
            let kk = Double(k)
            c += (pow(theta, kk) * pow(i0, -kk * gamma) * tail(kk * (beta - gamma)) - tail(kk * beta)) / kk
        }
        firstBoostedIndex = Int(i0)
        indexTilt = gamma
        rateFactor = theta
        amplitudeScale = threshold * d
        logWeightConstant = d * c
        amplitudeExponent = e
        self.beta = beta
    }

    /// q_i, the proposal's activation probability of coordinate i ≥ i₀.
    public func rate(_ i: Int) -> Double {
        min(0.5, rateFactor * pow(Double(i), -beta) * pow(Double(i) / Double(firstBoostedIndex), indexTilt))
    }

    /// σ_i², the proposal's amplitude variance of a boosted activation at coordinate i.
    public func amplitudeVariance(_ i: Int) -> Double {
        max(1, amplitudeScale * pow(Double(i), amplitudeExponent))
    }
}
