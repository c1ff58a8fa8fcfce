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
        try solve(features: b, targets: c, sampleCount: sampleCount, ridge: ridge, relativeTolerance: relativeTolerance) {
            try StreamedNormalEquations.solve(c, b, relativeTolerance: $0).map { ($0.solution, $0.rank, nil) }
        }.solution
    }

    /// As `solve`, and v·W (one entry per column of W) when the refined normal equations' last pass
    /// produced it from the columns it regenerated; nil otherwise (the caller makes that pass itself).
    public static func solveProjecting(
        features b: some ProjectingColumnBlocks, targets c: [Double], sampleCount: Int, ridge: Double = 0,
        relativeTolerance: Double? = nil
    ) throws -> (solution: ReadoutSolution, projection: [Double]?) {
        try solve(features: b, targets: c, sampleCount: sampleCount, ridge: ridge, relativeTolerance: relativeTolerance) {
            try StreamedNormalEquations.solveProjecting(c, b, relativeTolerance: $0)
        }
    }

    /// The readout, with `normalEquations` solving the ridgeless wide case under a tolerance.
    private static func solve(
        features b: some ColumnBlocks, targets c: [Double], sampleCount: Int, ridge: Double, relativeTolerance: Double?,
        normalEquations: (Double) throws -> (solution: [Double], rank: Int, projection: [Double]?)?
    ) throws -> (solution: ReadoutSolution, projection: [Double]?) {
        precondition(c.count == b.columns, "one target per feature column")
        let n = b.rows
        if n <= b.columns && ridge > 0 {
            var (g, bc) = b.gramAndProduct(c)
            let mu = ridge * Double(sampleCount)
            for i in 0..<n { g[i, i] += mu }
            return (ReadoutSolution(weights: try CholeskySolve.rowTimesInverse(bc, g), rank: n), nil)
        }
        let tolerance = relativeTolerance ?? Pseudoinverse.defaultTolerance(rows: n, columns: sampleCount)
        if ridge == 0, n < b.columns {
            if let (v, rank, projection) = try normalEquations(tolerance) {
                return (ReadoutSolution(weights: v, rank: rank, route: .refinedNormalEquations), projection)
            }
            let (v, rank, route) = try StreamedOrthogonalSolve.rowTimesPseudoinverse(c, b, relativeTolerance: tolerance)
            return (ReadoutSolution(weights: v, rank: rank, route: route), nil)
        }
        let solution = try LeastSquaresReadout.solve(
            features: b.assembled(), targets: c, sampleCount: sampleCount, ridge: ridge,
            relativeTolerance: relativeTolerance)
        return (solution, nil)
    }
}
