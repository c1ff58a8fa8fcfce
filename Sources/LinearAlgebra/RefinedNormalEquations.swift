import CLAPACK

/// x·A⁺ for a well-conditioned A of full rank through the normal equations: the Cholesky factor of the
/// p × p Gram matrix of the short side (dsyrk + dpotrf, p²·q + p³/3 flops, BLAS-3 at near-dgemm speed),
/// then fixed-precision iterative refinement, which brings the solution to the accuracy of Householder
/// QR (≈ κ·ε) as long as κ(A)²·ε ≪ 1. Matrices for which it would converge slowly are declined, and
/// the caller uses Householder QR.
enum RefinedNormalEquations {
    /// Largest relative first correction accepted (the plain normal equations' error, ≈ κ(A)²·ε): beyond it
    /// the refinement contracts too slowly to be trusted, and the matrix is declined.
    static let maximumFirstCorrection = 1e-4
    /// Most refinement steps before the attempt is declined.
    static let maximumSteps = 6

    /// Flops of the Gram matrix, its Cholesky factor and the inverse of that factor for an m × n matrix.
    static func flops(rows: Int, columns: Int) -> Double {
        let p = Double(min(rows, columns)), q = Double(max(rows, columns))
        return p * p * q + 2 * p * p * p / 3
    }

    /// x·A⁺ and the rank p = min(rows, columns), or nil when A is declined: its Gram matrix is not
    /// numerically positive definite, its condition bound is too close to 1/`relativeTolerance` to certify
    /// full rank, or the refinement does not converge quickly.
    static func solve(_ x: [Double], _ a: Matrix, relativeTolerance: Double) throws -> (solution: [Double], rank: Int)? {
        let p = min(a.rows, a.columns)
        if p == 0 { return nil }
        guard let factor = try choleskyOfGram(a) else { return nil }
        // κ(R) = κ(A); ‖R‖_F·‖R⁻¹‖_F bounds it from above and certifies full rank.
        guard let bound = try OrthogonalFactorSolve.conditionBound(factor), 4 * relativeTolerance * bound < 1 else {
            return nil
        }
        let wide = a.rows < a.columns
        // Wide: v solves v·A·Aᵀ = x·Aᵀ (the least-squares problem min ‖v·A − x‖).
        // Tall: v = z·Aᵀ with z·Aᵀ·A = x (the minimum-norm solution of v·A = x).
        var z = wide ? BLAS.multiply(a, x) : x
        solve(factor, &z)
        var v = wide ? z : BLAS.multiply(a, z)
        var previous = Double.infinity
        for step in 0..<maximumSteps {
            var residual = x
            subtract(BLAS.multiply(a, v, trans: .transposed), from: &residual)
            var correction = wide ? BLAS.multiply(a, residual) : residual
            solve(factor, &correction)
            let change = wide ? correction : BLAS.multiply(a, correction)
            if !wide { add(correction, to: &z) }
            add(change, to: &v)
            let size = norm(change), scale = norm(v)
            // The first correction is the error of the plain normal equations, ≈ κ²·ε: it also bounds
            // each later step's contraction factor.
            if step == 0 && size > maximumFirstCorrection * scale { return nil }
            // Converged, or stalled at the rounding floor (≈ κ·ε) of the residual.
            if size <= 4 * Double.ulpOfOne * scale || size > previous / 2 { return (v, p) }
            previous = size
        }
        return nil
    }

    /// The upper Cholesky factor R of the Gram matrix of the short side (RᵀR = A·Aᵀ for a wide A,
    /// AᵀA for a tall one), or nil when that matrix is not numerically positive definite.
    static func choleskyOfGram(_ a: Matrix) throws -> Matrix? {
        let wide = a.rows < a.columns
        let p = min(a.rows, a.columns), q = max(a.rows, a.columns)
        var r = Matrix(rows: p, columns: p)
        a.storage.withUnsafeBufferPointer { pa in
            r.storage.withUnsafeMutableBufferPointer { pr in
                cblas_dsyrk(CblasColMajor, CblasUpper, wide ? CblasNoTrans : CblasTrans, Int32(p), Int32(q), 1,
                            pa.baseAddress, Int32(a.rows), 0, pr.baseAddress, Int32(p))
            }
        }
        let info = r.storage.withUnsafeMutableBufferPointer { pr in
            LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), pr.baseAddress, Int32(p))
        }
        if info < 0 { throw LinearAlgebraError.lapack(name: "dpotrf", info: info) }
        return info == 0 ? r : nil
    }

    /// v ← v·(RᵀR)⁻¹ (two triangular solves, dpotrs).
    static func solve(_ factor: Matrix, _ v: inout [Double]) {
        let p = Int32(factor.rows)
        factor.storage.withUnsafeBufferPointer { pr in
            v.withUnsafeMutableBufferPointer { pv in
                cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, p, pr.baseAddress, p, pv.baseAddress, 1)
                cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, p, pr.baseAddress, p, pv.baseAddress, 1)
            }
        }
    }

    static func norm(_ v: [Double]) -> Double {
        v.withUnsafeBufferPointer { cblas_dnrm2(Int32(v.count), $0.baseAddress, 1) }
    }

    static func add(_ x: [Double], to y: inout [Double]) {
        for i in y.indices { y[i] += x[i] }
    }

    static func subtract(_ x: [Double], from y: inout [Double]) {
        for i in y.indices { y[i] -= x[i] }
    }
}
