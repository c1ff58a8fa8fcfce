import LinearAlgebra

/// The exact reduced solver of MODEL.md §3: with A = X_S X_Sᵀ = R Rᵀ, the feature matrix F = W_S X_S
/// and the N × r matrix B = W_S R have the same Gram matrix, and y F⁺ = c B⁺ with c = Rᵀ w*_S. Its cost
/// depends on K = |S| and N only: the underparameterized side (N < r) and the overparameterized side
/// (N > r) are the two shapes of the one SVD of B, costing min(N, r)²·max(N, r).
public struct ReducedMinimumNormSolver: Sendable {
    /// How A is factored.
    public var factorization: SecondMomentFactorization
    /// Ridge strength λ_r ≥ 0 (0: minimum-norm interpolation).
    public var ridge: Double
    /// Relative singular-value tolerance (nil: max(N, D)·ε_double).
    public var relativeTolerance: Double?

    /// A solver with the given options.
    public init(factorization: SecondMomentFactorization = .pivotedCholesky, ridge: Double = 0, relativeTolerance: Double? = nil) {
        self.factorization = factorization
        self.ridge = ridge
        self.relativeTolerance = relativeTolerance
    }

    /// The readout for second moment `secondMoment` (K × K), embedding columns `embedding` (N × K),
    /// teacher weights `teacher` on S, and D = `sampleCount` samples.
    public func solve(
        secondMoment: Matrix, embedding: Matrix, teacher: [Double], sampleCount: Int
    ) throws -> ReadoutSolution {
        precondition(embedding.columns == secondMoment.rows && teacher.count == secondMoment.rows)
        let r = try SecondMomentFactor.factor(secondMoment, method: factorization)
        let b = BLAS.product(embedding, r)
        let c = BLAS.multiply(r, teacher, trans: .transposed)
        return try LeastSquaresReadout.solve(
            features: b, targets: c, sampleCount: sampleCount, ridge: ridge,
            relativeTolerance: relativeTolerance)
    }
}
