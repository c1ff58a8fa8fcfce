import Foundation

/// One fitted law: its shape, log-space parameters θ, the Huber objective at θ, and how the multi-start
/// search got there.
public struct LawFit: Sendable, Codable, Hashable {
    /// Which form.
    public var shape: LawShape
    /// θ = (ln A, ln B, ln E, a, b), plus ln c for the joined law.
    public var logParameters: [Double]
    /// Σ_i w_i ρ_δ(ln L̂_i − ln L_i) at θ.
    public var objective: Double
    /// How many starts were refined by the local optimizer (after screening the grid).
    public var startsRefined: Int
    /// How many refined starts ended within 10⁻⁶ (relative) of the best objective.
    public var startsAtMinimum: Int
    /// The centre (N₀, D₀) the joined law's join scale refers to.
    public var centreFeatureCount: Double, centreSampleCount: Double

    /// E, A, B, a, b (for the joined law: its additive part).
    public var additive: AdditiveLaw { AdditiveLaw(logParameters: Array(logParameters[0..<5])) }

    /// The joined law, nil for an additive fit.
    public var joined: JoinedLaw? {
        shape == .joined ? JoinedLaw(logParameters: logParameters, centreFeatureCount: centreFeatureCount, centreSampleCount: centreSampleCount) : nil
    }

    /// The fitted L(N, D).
    public func loss(featureCount n: Double, sampleCount d: Double) -> Double {
        joined?.loss(featureCount: n, sampleCount: d) ?? additive.loss(featureCount: n, sampleCount: d)
    }
}
