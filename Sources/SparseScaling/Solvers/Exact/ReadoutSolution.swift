import LinearAlgebra

/// A trained readout v ∈ R^N, the numerical rank of the problem it solved and how it was solved.
public struct ReadoutSolution: Sendable {
    /// The readout weights v (length N).
    public let weights: [Double]
    /// The rank of the feature matrix after the singular-value tolerance (N for ridge > 0 solves).
    public let rank: Int
    /// The factorization that applied the pseudoinverse (nil for ridge solves, which use a Cholesky factor).
    public var route: PseudoinverseRoute? = nil
}
