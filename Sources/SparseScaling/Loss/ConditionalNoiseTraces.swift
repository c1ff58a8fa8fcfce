import LinearAlgebra

/// The two traces label noise σ adds to the conditional mean E[L | data] of docs/theory.md §6.1 (excess
/// loss, N ≥ r + 2): with A = R Rᵀ (R of full column rank r) and A⁺ its pseudoinverse,
///     E[L | data] = (T + G₀)·(1 + (r + σ²·tr A⁺)/(N − r − 1)) + σ²·Σ_{i∈S} λ_i (A⁺)_ii.
/// Why: c = Rᵀw*_S + σz gives E‖v‖²/N = (r + σ² tr (RᵀR)⁻¹)/(N − r − 1) (inverse Wishart), and the
/// range of A is fitted to σ R (RᵀR)⁻¹ z instead of exactly, adding σ² tr(Λ A⁺); null directions
/// and the tail see W columns independent of v as without noise.
public struct ConditionalNoiseTraces: Sendable, Hashable {
    /// r, the rank of the factor (the reduced solver's).
    public let rank: Int
    /// tr A⁺ = tr (RᵀR)⁻¹.
    public let inverseTrace: Double
    /// Σ_{i∈S} λ_i (A⁺)_ii.
    public let weightedInverseDiagonal: Double

    /// The traces of `samples` under `parameters`, from the pivoted Cholesky factor of A (the reduced
    /// solver's dense factorization; K³ work and K² memory).
    public init(samples: SparseTrainingSet, parameters: DataParameters) throws {
        let lambda = samples.observed.map { parameters.marginalVariance($0) }
        try self.init(factor: SecondMomentFactor.factor(samples.secondMoment()), weights: lambda)
    }

    /// The traces for a factor `factor` (K × r) of A and weights λ on its K rows.
    public init(factor r: Matrix, weights lambda: [Double]) throws {
        precondition(lambda.count == r.rows)
        rank = r.columns
        guard r.columns > 0 else {
            inverseTrace = 0
            weightedInverseDiagonal = 0
            return
        }
        // H = RᵀR = V diag(μ) Vᵀ: tr H⁻¹ = Σ 1/μ_j, and (A⁺)_ii = ‖(R H⁻¹)_i‖² = Σ_j (RV)_ij² / μ_j².
        let eigen = try SymmetricEigen(BLAS.product(r, r, transA: .transposed))
        let rv = BLAS.product(r, eigen.vectors)
        inverseTrace = eigen.values.reduce(0) { $0 + 1 / $1 }
        var weighted = 0.0
        for j in 0..<rv.columns {
            let inverseSquare = 1 / (eigen.values[j] * eigen.values[j])
            for i in 0..<rv.rows { weighted += lambda[i] * rv[i, j] * rv[i, j] * inverseSquare }
        }
        weightedInverseDiagonal = weighted
    }

    /// The factor multiplying T + G₀ at N features and noise variance σ²: 1 + (r + σ² tr A⁺)/(N − r − 1)
    /// (nil below N = r + 2, where the mean is infinite or not exact).
    public func massFactor(featureCount n: Int, labelNoiseVariance: Double) -> Double? {
        guard n >= rank + 2 else { return nil }
        return 1 + (Double(rank) + labelNoiseVariance * inverseTrace) / Double(n - rank - 1)
    }
}
