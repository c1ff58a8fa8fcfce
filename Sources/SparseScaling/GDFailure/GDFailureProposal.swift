import Foundation

/// The importance-sampling proposal for rare GD failures (α < −1), "late-activation tilting".
///
/// Mechanism (docs/theory.md §4): a single activation at a late index i adds ≈ i^−(1+α)·ξ²/D to
/// λ_max(F Fᵀ/D); since 1+α < 0 this grows with i, and GD fails once it exceeds τ = 2/η. Failures
/// therefore come from activations at indices i ≳ i* = (τD)^(−1/(1+α)) (or somewhat below i* with a
/// large ξ²), which under the model occur with probability ≈ D·Σ_{i≥i*} i^−β ∝ D^((α+β)/(1+α)).
///
/// The proposal changes only coordinates i ≥ i₀, where i₀ solves τ·D·i₀^(1+α) = S (S = `amplitudeCap`,
/// default 30, so an activation below i₀ would need ξ² > S to cause a failure). It is a defensive
/// mixture (Hesterberg, 1995): it keeps everything the model does and adds the rare spikes on top,
/// so the likelihood ratio of a boosted activation is at most 2 and the weights stay bounded even
/// where the boosted region is not rare (small D):
/// - each pair (sample d, coordinate i ≥ i₀) is active with probability q_i = p_i·(1 + θ·(i/i₀)^γ)
///   instead of p_i = i^−β, with γ = max(0, β − 1 − κ) (κ = 0.3) so that the added activations spread
///   over many decades above i₀ (density ∝ i^−(1+κ)), and θ set so that the expected number of added
///   activations per dataset is m (`expectedBoostedActivations`, default 1);
/// - an activation at i ≥ i₀ has amplitude ξ from ½·N(0, 1) + ½·N(0, σ_i²), σ_i² = max(1, τ·D·i^(1+α)) ≤ S
///   (the ξ² that index i needs to fail), instead of N(0, 1).
/// Everything else (coordinate 1, indices below i₀, the embedding) is drawn exactly as in the model.
/// The likelihood ratio of a dataset is exact:
///   log w = D·C + Σ_{activations at i ≥ i₀} [log(p_i/q_i) − log((1−p_i)/(1−q_i)) + log(φ(ξ)/g_i(ξ))],
/// with C = Σ_{i₀≤i≤cap} log((1−p_i)/(1−q_i)) (summed directly near i₀, through Hurwitz zeta values
/// beyond) and g_i the mixture density. P̂ = mean of w·1{failure}, with standard error sd/√R. It is
/// unbiased for any D, and its relative error stays O(1/√R) as P → 0 because a failure under the
/// proposal is an O(1)-probability event.
package struct GDFailureProposal: Sendable, Codable, Hashable {
    /// i₀, the first boosted coordinate.
    package let firstBoostedIndex: Int
    /// γ, the index tilt: q_i/p_i = θ·(i/i₀)^γ.
    package let indexTilt: Double
    /// θ, the rate factor at i₀ (may be beyond the Double range; the rates use `logBoostScale`).
    package let rateFactor: Double
    /// log(θ·i₀^−γ), so that q_i = p_i + exp(logBoostScale + (γ − β)·log i): no power of i or i₀ that
    /// overflows or underflows on its own (θ and (i/i₀)^γ do for large β).
    let logBoostScale: Double
    /// τ·D, so that σ_i² = max(1, τ·D·i^(1+α)).
    package let amplitudeScale: Double
    /// D·C, the data-independent part of log w.
    package let logWeightConstant: Double
    /// 1 + α (negative).
    let amplitudeExponent: Double
    /// β.
    let beta: Double

    /// Coordinates i₀ ≤ i < i₀ + `directTerms` enter C term by term; the rest through zeta values.
    static let directTerms = 1 << 15

    /// The proposal for activation exponent β, amplitude exponent α < −1, D samples and failure
    /// threshold τ on λ_max(F Fᵀ/D).
    package init(
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
        // Σ_{from ≤ i ≤ cap} i^−s through Hurwitz zeta values.
        func tail(_ s: Double, from start: Double) -> Double { Zeta.hurwitz(s, start) - Zeta.hurwitz(s, cap + 1) }
        // θ·i₀^−γ = m/(D·Σ_{i≥i₀} i^−(β−γ)): the added activations per dataset number m on average.
        let logBoost = log(expectedBoostedActivations) - log(d) - log(tail(beta - gamma, from: i0))
        firstBoostedIndex = Int(i0)
        indexTilt = gamma
        rateFactor = exp(logBoost + gamma * log(i0))
        logBoostScale = logBoost
        amplitudeScale = threshold * d
        amplitudeExponent = e
        self.beta = beta
        // C near i₀, term by term (exact, including the cap q_i ≤ ½) …
        var c = 0.0
        let split = i0 + Double(Self.directTerms)
        for i in Int(i0)..<Int(split) {
            let p = pow(Double(i), -beta)
            let q = Self.rate(p: p, index: Double(i), logBoostScale: logBoost, tilt: gamma, beta: beta)
            c += log1p(-p) - log1p(-q)
        }
        // … and beyond, where q_i < 1e-4: −log(1 − x) = Σ_k x^k/k, with
        // q_i^k − p_i^k = Σ_{j=1…k} C(k, j)·θ^j·i₀^(−jγ)·i^(−kβ + jγ).
        for k in 1...5 {
            var binomial = 1.0
            var sum = 0.0
            for j in 1...k {
                binomial *= Double(k - j + 1) / Double(j)
                sum += binomial * exp(Double(j) * logBoost) * tail(Double(k) * beta - Double(j) * gamma, from: split)
            }
            c += sum / Double(k)
        }
        logWeightConstant = d * c
    }

    /// q_i, the proposal's activation probability of coordinate i ≥ i₀.
    package func rate(_ i: Int) -> Double {
        Self.rate(p: pow(Double(i), -beta), index: Double(i), logBoostScale: logBoostScale, tilt: indexTilt, beta: beta)
    }

    /// min(½, p_i·(1 + θ·(i/i₀)^γ)) = min(½, p_i + exp(log(θ·i₀^−γ) + (γ − β)·log i)).
    private static func rate(p: Double, index i: Double, logBoostScale: Double, tilt gamma: Double, beta: Double) -> Double {
        min(0.5, p + exp(logBoostScale + (gamma - beta) * log(i)))
    }

    /// σ_i², the variance of the wide component of a boosted activation's amplitude at coordinate i.
    package func amplitudeVariance(_ i: Int) -> Double {
        max(1, amplitudeScale * pow(Double(i), amplitudeExponent))
    }

    /// An amplitude from the proposal's mixture ½·N(0, 1) + ½·N(0, σ²) for σ² = `variance`.
    func drawAmplitude(variance: Double, _ rng: inout RandomStream) -> Double {
        let z = rng.normal()
        return rng.uniform() < 0.5 ? z : variance.squareRoot() * z
    }

    /// log φ(ξ)/g(ξ): the model's N(0, 1) density over the mixture's, at most log 2.
    func logAmplitudeRatio(_ xi: Double, variance: Double) -> Double {
        // g/φ = ½ + ½·exp(ξ²(1 − 1/σ²)/2)/σ.
        let wide = 0.5 * xi * xi * (1 - 1 / variance) - 0.5 * log(variance)
        return -log(0.5 + 0.5 * exp(wide))
    }
}
