import LinearAlgebra

/// The readout v = c B⁺ (ridgeless, minimum norm) or v = (B cᵀ)ᵀ(B Bᵀ + λ_r D I)⁻¹ (ridge) for a B that
/// is produced block by block (`ColumnBlocks`), holding only N × N matrices when N < r: the Gram
/// matrix and B cᵀ accumulate over the blocks, and the refinement passes over them again
/// (`StreamedNormalEquations`). When those decline (B rank deficient or too ill-conditioned under the
/// tolerance), the QR of Bᵀ accumulates over the blocks instead (`StreamedOrthogonalSolve`, with the SVD
/// of its N × N triangle for a rank-deficient B). When N ≥ r (B is then at most N × N), B is assembled
/// and `LeastSquaresReadout` solves it.
public enum StreamedReadout {
    /// Solves for v; `sampleCount` is D (it scales the ridge and the default tolerance, as in
    /// `LeastSquaresReadout`).
    public static func solve(
        features b: some ColumnBlocks, targets c: [Double], sampleCount: Int, ridge: Double = 0,
        relativeTolerance: Double? = nil
    ) throws -> ReadoutSolution {
        precondition(c.count == b.columns, "one target per feature column")
        let n = b.rows
        if n <= b.columns && ridge > 0 {
            var (g, bc) = b.gramAndProduct(c)
            let mu = ridge * Double(sampleCount)
            for i in 0..<n { g[i, i] += mu }
            return ReadoutSolution(weights: try CholeskySolve.rowTimesInverse(bc, g), rank: n)
        }
        let tolerance = relativeTolerance ?? Pseudoinverse.defaultTolerance(rows: n, columns: sampleCount)
        if ridge == 0, n < b.columns {
            if let (v, rank) = try StreamedNormalEquations.solve(c, b, relativeTolerance: tolerance) {
                return ReadoutSolution(weights: v, rank: rank, route: .refinedNormalEquations)
            }
            let (v, rank, route) = try StreamedOrthogonalSolve.rowTimesPseudoinverse(c, b, relativeTolerance: tolerance)
            return ReadoutSolution(weights: v, rank: rank, route: route)
        }
        return try LeastSquaresReadout.solve(
            features: b.assembled(), targets: c, sampleCount: sampleCount, ridge: ridge,
            relativeTolerance: relativeTolerance)
    }
}
