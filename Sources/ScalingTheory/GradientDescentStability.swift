import Foundation

/// Whether full-batch gradient descent at a fixed step η < 2 can spike (diverge), docs/theory.md §4.
public struct GradientDescentStability: Hashable, Sendable, Codable {
    /// True iff α < −1: late activations carry growing amplitude i^−(1+α) and can push λ_max past 2/η.
    public let spikesPossible: Bool
    /// The exponent of P(failure) ∝ D^((α+β)/(1+α)) when spikes are possible (negative); nil otherwise.
    public let failureProbabilityExponent: Double?

    /// The stability prediction for validated parameters.
    public init(parameters: DataParameters) {
        spikesPossible = parameters.alpha < -1
        failureProbabilityExponent = spikesPossible
            ? (parameters.alpha + parameters.beta) / (1 + parameters.alpha) : nil
    }
}
