import LinearAlgebra

/// The exact reduced solver of docs/theory.md §3: with A = X_S X_Sᵀ = R Rᵀ, the feature matrix F = W_S X_S
/// and the N × r matrix B = W_S R have the same Gram matrix, and y F⁺ = c B⁺ with c = Rᵀ w*_S. Its cost
/// depends on K = |S| and N only: the underparameterized side (N < r) and the overparameterized side
/// (N > r) are the two shapes of the one SVD of B, costing min(N, r)²·max(N, r).
public struct ReducedMinimumNormSolver: Sendable {
    /// How A is factored when it is formed densely (dense data, or when the sparse factor declines).
    public var factorization: SecondMomentFactorization
    /// For sparse samples, factor A block by block without forming it (`SparseSecondMomentFactor`),
    /// falling back to the dense `factorization` when that declines. On by default.
    public var sparseFactor: Bool
    /// Ridge strength λ_r ≥ 0 (0: minimum-norm interpolation).
    public var ridge: Double
    /// Relative singular-value tolerance (nil: max(N, D)·ε_double).
    public var relativeTolerance: Double?
    /// Label noise added to the targets c = Rᵀw*_S (docs/theory.md §7.1); nil: noiseless labels.
    public var labelNoise: ReducedTargetNoise? = nil

    /// A solver with the given options.
    public init(
        factorization: SecondMomentFactorization = .pivotedCholesky, sparseFactor: Bool = true,
        ridge: Double = 0, relativeTolerance: Double? = nil
    ) {
        self.factorization = factorization
        self.sparseFactor = sparseFactor
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
        var c = BLAS.multiply(r, teacher, trans: .transposed)
        if let labelNoise {
            let z = try labelNoise.targetNoise(rank: r.columns) { r }
            for j in c.indices { c[j] += z[j] }
        }
        return try LeastSquaresReadout.solve(
            features: b, targets: c, sampleCount: sampleCount, ridge: ridge,
            relativeTolerance: relativeTolerance)
    }

    /// The readout for sparse samples `samples`, embedding columns `embedding` (N × K) and teacher
    /// weights `teacher` on S: through the sparse factor when `sparseFactor` is on and it does not
    /// decline, otherwise through A = X_S X_Sᵀ and the dense `factorization`. D is `sampleCount`, or
    /// the number of samples when nil (give it when `samples` are equivalent columns, not samples).
    public func solve(
        samples: SparseTrainingSet, embedding: Matrix, teacher: [Double], sampleCount: Int? = nil
    ) throws -> ReadoutSolution {
        precondition(embedding.columns == samples.observedCount && teacher.count == samples.observedCount)
        let d = sampleCount ?? samples.sampleCount
        if sparseFactor, case .factored(let r) = SparseSecondMomentFactor.factor(samples) {
            return try solve(factor: r, embedding: embedding, teacher: teacher, sampleCount: d)
        }
        return try solve(
            secondMoment: samples.secondMoment(), embedding: embedding, teacher: teacher, sampleCount: d)
    }

    /// The readout for a sparse factor `factor` of A, embedding columns `embedding` (N × K), teacher
    /// weights `teacher` on S, and D = `sampleCount` samples.
    public func solve(
        factor: SparseSecondMomentFactor, embedding: Matrix, teacher: [Double], sampleCount: Int
    ) throws -> ReadoutSolution {
        let b = factor.embed(embedding)
        var c = factor.transposeTimes(teacher)
        if let labelNoise {
            let z = try labelNoise.targetNoise(rank: factor.rank) { factor.dense() }
            for j in c.indices { c[j] += z[j] }
        }
        return try LeastSquaresReadout.solve(
            features: b, targets: c, sampleCount: sampleCount, ridge: ridge,
            relativeTolerance: relativeTolerance)
    }

    /// The factor R (K × r, A = R Rᵀ) whose targets `solve(samples:…)` uses for these samples, as a dense
    /// matrix: the sparse factor's when it factors, else the dense factorization of A.
    public func factorMatrix(samples: SparseTrainingSet) throws -> Matrix {
        if sparseFactor, case .factored(let r) = SparseSecondMomentFactor.factor(samples) { return r.dense() }
        return try SecondMomentFactor.factor(samples.secondMoment(), method: factorization)
    }

    /// The factor R (K × r) whose targets `solve(secondMoment:…)` uses.
    public func factorMatrix(secondMoment: Matrix) throws -> Matrix {
        try SecondMomentFactor.factor(secondMoment, method: factorization)
    }
}
