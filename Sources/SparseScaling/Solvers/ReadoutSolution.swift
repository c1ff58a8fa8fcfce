/// A trained readout v ∈ R^N and the numerical rank of the problem it solved.
public struct ReadoutSolution: Sendable {
    /// The readout weights v (length N).
    public let weights: [Double]
    /// The rank of the feature matrix after the singular-value tolerance (N for ridge > 0 solves).
    public let rank: Int
}
