import LinearAlgebra

/// The readout v = y F⁺ (ridgeless, minimum norm) or v = y Fᵀ(F Fᵀ + λ_r D I)⁻¹ (ridge) for a
/// feature matrix F (N × P) and targets y (length P). Both solvers reduce to this: the direct one
/// with F = W X, the reduced one with an N × r matrix B that has the same Gram matrix as F.
public enum LeastSquaresReadout {
    /// How the ridgeless pseudoinverse is applied.
    public enum Method: Sendable {
        /// The refined normal equations or Householder QR when F has full numerical rank, the SVD otherwise (fastest).
        case automatic
        /// Always the SVD (the paper's direct method, kept as the reference baseline).
        case singularValueDecomposition
    }


    /// Solves for v. `sampleCount` is D (it scales the ridge and the default tolerance);
    /// `relativeTolerance` defaults to max(N, D)·ε_double; `method` picks how the pseudoinverse is applied;
    /// `timer`, if given, receives the time and flops of the pseudoinverse's dense kernels.
    public static func solve(
        features f: Matrix, targets y: [Double], sampleCount: Int,
        ridge: Double = 0, relativeTolerance: Double? = nil, method: Method = .automatic, timer: KernelTimer? = nil
    ) throws -> ReadoutSolution {
        precondition(y.count == f.columns, "one target per feature column")
        let n = f.rows
        if ridge > 0 {
            let mu = ridge * Double(sampleCount)
            if n <= f.columns {
                // v = (F y) (F Fᵀ + μ I)⁻¹ with an N × N system.
                var g = BLAS.gram(f)
                for i in 0..<n { g[i, i] += mu }
                let b = BLAS.multiply(f, y)
                return ReadoutSolution(weights: try CholeskySolve.rowTimesInverse(b, g), rank: n)
            } else {
                // Push-through: v = y (FᵀF + μ I)⁻¹ Fᵀ with a P × P system.
                var g = BLAS.product(f, f, transA: .transposed)
                for i in 0..<f.columns { g[i, i] += mu }
                let z = try CholeskySolve.rowTimesInverse(y, g)
                return ReadoutSolution(weights: BLAS.multiply(f, z), rank: n)
            }
        }
        let tolerance = relativeTolerance ?? Pseudoinverse.defaultTolerance(rows: n, columns: sampleCount)
        if method == .automatic {
            let (v, rank, route) = try Pseudoinverse.rowTimesPseudoinverse(y, f, relativeTolerance: tolerance, timer: timer)
            return ReadoutSolution(weights: v, rank: rank, route: route)
        }
        let (v, rank) = try Pseudoinverse.rowTimesPseudoinverseBySVD(y, f, relativeTolerance: tolerance, timer: timer)
        return ReadoutSolution(weights: v, rank: rank, route: .singularValueDecomposition)
    }
}
