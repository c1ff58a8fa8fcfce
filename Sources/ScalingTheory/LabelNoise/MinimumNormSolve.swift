import Foundation

/// The minimum-norm least-squares solution X⁺b of a small dense system (m × r, column-major), by
/// one-sided Jacobi (Hestenes) rotations: the columns are orthogonalized by plane rotations V, so
/// X V = [c₁ … c_r] with orthogonal c_j and X⁺b = Σ_j v_j (c_jᵀb)/‖c_j‖² over ‖c_j‖ > 1e-13·max‖c‖.
/// One-sided Jacobi resolves small singular values to high relative accuracy when the columns differ
/// only in scale, so a coordinate with a tiny amplitude is not dropped as rank-deficient
/// (docs/theory-label-noise.md, "Rank tolerance"). Used for the connected components of rarely seen
/// coordinates, typically r ≤ 10.
struct MinimumNormSolve {
    /// The rotated columns c_j (m × r, column-major).
    private var columns: [Double]
    /// The accumulated rotations V (r × r, column-major).
    private var rotations: [Double]
    let rowCount: Int
    let columnCount: Int
    /// The numerical rank: columns with ‖c_j‖ > 1e-13·max‖c‖.
    private(set) var rank = 0
    private var squaredNorms: [Double]

    /// Orthogonalizes the columns of `matrix` (m × r, column-major) until every pair is orthogonal to
    /// 1e-15 relative (at most 60 sweeps).
    init(matrix: [Double], rowCount m: Int, columnCount r: Int) {
        precondition(matrix.count == m * r, "an m × r matrix expected")
        columns = matrix
        rowCount = m
        columnCount = r
        rotations = [Double](repeating: 0, count: r * r)
        for j in 0..<r { rotations[j * r + j] = 1 }
        squaredNorms = [Double](repeating: 0, count: r)
        for _ in 0..<60 where r > 1 {
            var rotated = false
            for j in 0..<(r - 1) {
                for k in (j + 1)..<r where rotate(j, k) { rotated = true }
            }
            if !rotated { break }
        }
        for j in 0..<r { squaredNorms[j] = dot(j, j) }
        let largest = squaredNorms.max() ?? 0
        rank = squaredNorms.filter { $0 > 1e-26 * largest && $0 > 0 }.count
    }

    /// X⁺b for b of length m.
    func solve(_ b: [Double]) -> [Double] {
        let largest = squaredNorms.max() ?? 0
        var x = [Double](repeating: 0, count: columnCount)
        for j in 0..<columnCount where squaredNorms[j] > 1e-26 * largest && squaredNorms[j] > 0 {
            var cb = 0.0
            for i in 0..<rowCount { cb += columns[j * rowCount + i] * b[i] }
            let f = cb / squaredNorms[j]
            for i in 0..<columnCount { x[i] += rotations[j * columnCount + i] * f }
        }
        return x
    }

    private func dot(_ j: Int, _ k: Int) -> Double {
        var s = 0.0
        for i in 0..<rowCount { s += columns[j * rowCount + i] * columns[k * rowCount + i] }
        return s
    }

    /// One Jacobi rotation of columns j, k; false when they are already orthogonal to 1e-15.
    private mutating func rotate(_ j: Int, _ k: Int) -> Bool {
        let alpha = dot(j, j), beta = dot(k, k), gamma = dot(j, k)
        guard gamma != 0, abs(gamma) > 1e-15 * (alpha * beta).squareRoot() else { return false }
        let zeta = (beta - alpha) / (2 * gamma)
        let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
        let c = 1 / (1 + t * t).squareRoot(), s = c * t
        for i in 0..<rowCount {
            let a = columns[j * rowCount + i], b = columns[k * rowCount + i]
            columns[j * rowCount + i] = c * a - s * b
            columns[k * rowCount + i] = s * a + c * b
        }
        for i in 0..<columnCount {
            let a = rotations[j * columnCount + i], b = rotations[k * columnCount + i]
            rotations[j * columnCount + i] = c * a - s * b
            rotations[k * columnCount + i] = s * a + c * b
        }
        return true
    }
}
