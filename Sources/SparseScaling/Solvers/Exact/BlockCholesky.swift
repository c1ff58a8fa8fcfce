/// The scaled, pivoted (rank-revealing) Cholesky factor of one block's second moment G_b (m × m,
/// column-major): G_b = Δ L̂ L̂ᵀ Δ with Δ = diag(√G_ii), pivoting on the largest remaining diagonal and
/// stopping when it falls to the tolerance. Written out rather than called from LAPACK because the
/// blocks hold a few coordinates each and there are many of them.
struct BlockCholesky {
    /// L̂ (m × m, column-major, column j nonzero only for j < rank): the factor of the scaled G_b,
    /// lower triangular in pivot order.
    let lower: [Double]
    /// Δ: √G_ii, or 1 where G_ii = 0.
    let scale: [Double]
    /// The pivot order: position j of the factor is coordinate pivots[j] of the block.
    let pivots: [Int]
    /// The numerical rank r (pivots above the tolerance).
    let rank: Int

    /// Factors `gram` (size × size, column-major); pivots at or below `tolerance` (after scaling to unit
    /// diagonal) end the factorization.
    init(gram: [Double], size m: Int, tolerance: Double) {
        var gram = gram
        // Scaled pivoted Cholesky of G_b (rank revealing; pivots stop at the tolerance).
        let scale = (0..<m).map { gram[$0 + $0 * m] > 0 ? gram[$0 + $0 * m].squareRoot() : 1 }
        for j in 0..<m {
            for i in 0..<m { gram[i + j * m] /= scale[i] * scale[j] }
        }
        var lower = [Double](repeating: 0, count: m * m)
        var diagonal = (0..<m).map { gram[$0 + $0 * m] }
        var pivots = Array(0..<m)
        var r = 0
        for j in 0..<m {
            var best = j
            for q in (j + 1)..<max(j + 1, m) where diagonal[pivots[q]] > diagonal[pivots[best]] { best = q }
            if !(diagonal[pivots[best]] > tolerance) { break }
            pivots.swapAt(j, best)
            let pj = pivots[j]
            let root = diagonal[pj].squareRoot()
            lower[pj + j * m] = root
            for q in (j + 1)..<max(j + 1, m) {
                let i = pivots[q]
                var value = gram[i + pj * m]
                for c in 0..<j { value -= lower[i + c * m] * lower[pj + c * m] }
                value /= root
                lower[i + j * m] = value
                diagonal[i] -= value * value
            }
            r = j + 1
        }
        self.lower = lower
        self.scale = scale
        self.pivots = pivots
        self.rank = r
    }
}
