import LinearAlgebra

/// How the reduced solver factors the second-moment matrix A = X_S X_Sᵀ into R Rᵀ.
public enum SecondMomentFactorization: String, Sendable, Codable, CaseIterable {
    /// Pivoted Cholesky of the diagonally scaled A (rank revealing, K³/3 flops). The default.
    case pivotedCholesky = "cholesky"
    /// Eigendecomposition A = U Σ² Uᵀ of the diagonally scaled A, R = U Σ (docs/theory.md §3).
    case eigen
}

/// A factor R (K × r) with R Rᵀ = A for the positive semidefinite second-moment matrix A.
/// A is first scaled to unit diagonal (Δ⁻¹ A Δ⁻¹), so that coordinates whose variances span many
/// orders of magnitude are all resolved to relative precision; then R = Δ R̂.
public enum SecondMomentFactor {
    /// The factor of `a` and its numerical rank r (directions below K·ε of the scaled matrix dropped).
    public static func factor(_ a: Matrix, method: SecondMomentFactorization = .pivotedCholesky) throws -> Matrix {
        let cubed = Double(a.rows) * Double(a.rows) * Double(a.rows)
        return try BLAS.withThreadsFor(flops: method == .pivotedCholesky ? cubed / 3 : 9 * cubed) {
            try factorScaled(a, method: method)
        }
    }

    static func factorScaled(_ a: Matrix, method: SecondMomentFactorization) throws -> Matrix {
        let k = a.rows
        var scale = [Double](repeating: 1, count: k)
        for i in 0..<k where a[i, i] > 0 { scale[i] = a[i, i].squareRoot() }
        var scaled = a
        scaled.storage.withUnsafeMutableBufferPointer { ps in
            for j in 0..<k {
                let sj = scale[j]
                for i in 0..<k { ps[i + j * k] /= scale[i] * sj }
            }
        }
        var r: Matrix
        switch method {
        case .pivotedCholesky:
            r = try PivotedCholesky(consume scaled, tolerance: Double(k) * Double.ulpOfOne).factor
        case .eigen:
            let eigen = try SymmetricEigen(scaled)
            let top = eigen.values.last ?? 0
            let kept = (0..<k).filter { eigen.values[$0] > Double(k) * Double.ulpOfOne * top }
            r = Matrix(rows: k, columns: kept.count)
            for (c, j) in kept.enumerated() {
                let root = eigen.values[j].squareRoot()
                for i in 0..<k { r[i, c] = eigen.vectors[i, j] * root }
            }
        }
        let columns = r.columns
        r.storage.withUnsafeMutableBufferPointer { pr in
            for j in 0..<columns {
                for i in 0..<k { pr[i + j * k] *= scale[i] }
            }
        }
        return r
    }
}
