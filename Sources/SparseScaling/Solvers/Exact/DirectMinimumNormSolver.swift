import LinearAlgebra

/// The paper's direct method: form the dense feature matrix F = W X (N × D) and take y F⁺
/// (or the ridge solution). Cost O(N·M·D + min(N,D)²·max(N,D)); the reference for the reduced solver.
public struct DirectMinimumNormSolver: Sendable {
    /// Ridge strength λ_r ≥ 0.
    public var ridge: Double
    /// Relative singular-value tolerance (nil: max(N, D)·ε_double).
    public var relativeTolerance: Double?

    /// A solver with the given options.
    public init(ridge: Double = 0, relativeTolerance: Double? = nil) {
        self.ridge = ridge
        self.relativeTolerance = relativeTolerance
    }

    /// The readout for embedding columns `embedding` (N × P), samples `samples` (P × D) over the same
    /// P coordinates, and teacher weights `teacher` on those coordinates.
    public func solve(embedding: Matrix, samples: Matrix, teacher: [Double]) throws -> ReadoutSolution {
        precondition(embedding.columns == samples.rows && teacher.count == samples.rows)
        return try solve(embedding: embedding, samples: samples, labels: BLAS.multiply(samples, teacher, trans: .transposed))
    }

    /// The readout for embedding columns `embedding` (N × P), samples `samples` (P × D) and labels
    /// `labels` (length D; e.g. w*·x plus label noise).
    public func solve(embedding: Matrix, samples: Matrix, labels y: [Double]) throws -> ReadoutSolution {
        precondition(embedding.columns == samples.rows && y.count == samples.columns)
        let f = BLAS.product(embedding, samples)
        return try LeastSquaresReadout.solve(
            features: f, targets: y, sampleCount: samples.columns, ridge: ridge,
            relativeTolerance: relativeTolerance, method: .singularValueDecomposition)
    }
}
