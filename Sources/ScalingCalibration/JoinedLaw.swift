import Foundation
import ScalingAnalysis

/// The sparse-feature model's own L(N, D) (docs/theory.md §4 and §6): with p_i = i^(−β) and λ_i = i^(−(1+α+β)), a
/// model of N features that fits the observed coordinates among its first N leaves
/// Σ_{i≤N} λ_i(1 − p_i)^D + Σ_{i>N} λ_i; in the continuum this is
/// (1/β)·D^(−b)·Γ(b, D·N^(−β)) + N^(−a)/a with a = α + β, b = a/β. With free scale factors and E:
///     L = E + A/N^a + B/D^b · Q(b, z),   z = c·(D/D₀)·(N/N₀)^(−a/b),   Q(s, x) = Γ(s, x)/Γ(s),
/// with (N₀, D₀) the geometric centre of the fitted runs, so c is z at the centre of the data. It is the
/// additive law where z → 0 (Q → 1: N ≫ K(D) ∝ D^(1/β)) and the data-rich law E + A/N^a where z ≫ b (the
/// model cannot use the data); c (ln c in θ) sets where the two join. Unlike the additive form it ties
/// the join to β = a/b. Dropped: the ridgeless variance factor (N − 1)/(N − 1 − K) of §6.1, whose pole at
/// the interpolation threshold trained language models do not show.
public struct JoinedLaw: Sendable, Codable, Hashable {
    /// E, A, B, a, b as in the additive law.
    public var additive: AdditiveLaw
    /// The join scale c > 0: z at the centre (N₀, D₀); the data term is about halved where z ≈ b.
    public var joinScale: Double
    /// N₀, the centre of the model sizes z is measured from.
    public var centreFeatureCount: Double
    /// D₀, the centre of the data sizes.
    public var centreSampleCount: Double

    /// A law from its additive part, c and the centre (N₀, D₀).
    public init(additive: AdditiveLaw, joinScale: Double, centreFeatureCount: Double, centreSampleCount: Double) {
        self.additive = additive
        self.joinScale = joinScale
        self.centreFeatureCount = centreFeatureCount
        self.centreSampleCount = centreSampleCount
    }

    /// The law of θ = (ln A, ln B, ln E, a, b, ln c) about the centre (N₀, D₀).
    public init(logParameters θ: [Double], centreFeatureCount: Double, centreSampleCount: Double) {
        self.init(additive: AdditiveLaw(logParameters: Array(θ[0..<5])), joinScale: exp(θ[5]),
                  centreFeatureCount: centreFeatureCount, centreSampleCount: centreSampleCount)
    }

    /// θ = (ln A, ln B, ln E, a, b, ln c).
    public var logParameters: [Double] { additive.logParameters + [log(joinScale)] }

    /// L(N, D).
    public func loss(featureCount n: Double, sampleCount d: Double) -> Double {
        let a = additive.modelExponent, b = additive.dataExponent
        let z = exp(log(joinScale) + log(d / centreSampleCount) - a / b * log(n / centreFeatureCount))
        return additive.irreducible + additive.modelCoefficient * pow(n, -a)
            + additive.dataCoefficient * pow(d, -b) * exp(IncompleteGamma.logUpperRegularized(b, z))
    }

    /// Σ_i w_i ρ_δ(ln L̂_i − ln L_i) at θ (no gradient: the optimizer of this form is derivative-free).
    /// `runs` are centred: ln N − ln N₀ and ln D − ln D₀ go into z, ln N and ln D into the power laws.
    static func objective(_ θ: UnsafePointer<Double>, _ runs: LogRuns, centre: (logN: Double, logD: Double), _ weights: [Double],
                          _ huber: HuberLoss) -> Double {
        let lnA = θ[0], lnB = θ[1], lnE = θ[2], a = θ[3], b = θ[4], lnC = θ[5]
        guard b > 0 else { return .infinity }
        var total = 0.0
        for i in 0..<runs.count where weights[i] != 0 {
            let u1 = lnA - a * runs.logN[i]
            let lnZ = lnC + (runs.logD[i] - centre.logD) - a / b * (runs.logN[i] - centre.logN)
            let u2 = lnB - b * runs.logD[i] + IncompleteGamma.logUpperRegularized(b, exp(lnZ))
            let m = max(u1, u2, lnE)
            let r = m + log(exp(u1 - m) + exp(u2 - m) + exp(lnE - m)) - runs.logL[i]
            total += weights[i] * huber.value(r)
        }
        return total.isNaN ? .infinity : total
    }
}
