import CLAPACK
import Foundation

/// x·A⁺ for a full-rank A through the normal equations: the Cholesky factor R of the p × p Gram matrix
/// of the short side (dsyrk + dpotrf, p²·q + p³/3 flops, BLAS-3 at near-dgemm speed), then fixed-precision
/// iterative refinement, which brings the solution to the accuracy of Householder QR (≈ κ·ε) when the
/// computed Gram matrix is close to the exact one relative to its own size. That closeness is measured,
/// not assumed: a few power steps estimate ρ(I − (RᵀR)⁻¹G), which certifies full rank and bounds κ(A)
/// by κ(R). Matrices that fail a check are declined, and the caller uses Householder QR.
enum RefinedNormalEquations {
    /// Largest relative first correction accepted (the plain normal equations' error, ≈ κ(A)²·ε): beyond it
    /// the refinement contracts too slowly to be trusted, and the matrix is declined.
    static let maximumFirstCorrection = 1e-4
    /// Most refinement steps before the attempt is declined.
    static let maximumSteps = 6
    /// Largest accepted estimate of ρ(I − G_c⁻¹·G) (computed against exact Gram matrix): a rank-deficient A gives ≈ 1.
    static let maximumDeviation = 0.25
    /// Power steps estimating that spectral radius.
    static let powerSteps = 4

    /// Flops of the Gram matrix, its Cholesky factor and the inverse of that factor for an m × n matrix.
    static func flops(rows: Int, columns: Int) -> Double {
        let p = Double(min(rows, columns)), q = Double(max(rows, columns))
        return p * p * q + 2 * p * p * p / 3
    }

    /// x·A⁺ and the rank p = min(rows, columns), or nil when A is declined: its Gram matrix is not
    /// numerically positive definite, the Cholesky factor is too far from that of the exact Gram matrix
    /// (rank deficiency hidden by rounding), full rank cannot be certified under `relativeTolerance`, or
    /// the refinement does not converge quickly.
    static func solve(_ x: [Double], _ a: Matrix, relativeTolerance: Double) throws -> (solution: [Double], rank: Int)? {
        let p = min(a.rows, a.columns)
        if p == 0 { return nil }
        guard let factor = try choleskyOfGram(a) else { return nil }
        // The exact Gram matrix is G_c·(I − Δ) with ρ(Δ) = ρ: when ρ < 1 it is nonsingular and
        // κ(A)² ≤ κ(R)²·(1 + ρ)/(1 − ρ); ‖R‖_F·‖R⁻¹‖_F bounds κ(R) from above.
        let deviation = preconditionerDeviation(a, factor)
        guard deviation <= maximumDeviation, let bound = try OrthogonalFactorSolve.conditionBound(factor),
              4 * relativeTolerance * bound * ((1 + deviation) / (1 - deviation)).squareRoot() < 1 else { return nil }
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

    /// An estimate of the spectral radius of Δ = I − G_c⁻¹·G, where G_c = RᵀR is the computed Gram matrix
    /// and G the exact one (A·Aᵀ or AᵀA): a few power steps from a fixed start that excites every direction.
    /// Rounding makes G_c positive definite even for a rank-deficient A; then Δ has an eigenvalue near 1,
    /// which the refinement cannot see because its residuals never enter A's null space.
    static func preconditionerDeviation(_ a: Matrix, _ factor: Matrix) -> Double {
        let wide = a.rows < a.columns
        var y = (0..<factor.rows).map { sin(Double($0 + 1) * 2.399963229728653) }  // golden-angle phases
        var ratio = 0.0
        for _ in 0..<powerSteps {
            let size = norm(y)
            guard size > 0 else { return 0 }
            // Δ·y = y − G_c⁻¹·G·y
            var gy = wide ? BLAS.multiply(a, BLAS.multiply(a, y, trans: .transposed))
                          : BLAS.multiply(a, BLAS.multiply(a, y), trans: .transposed)
            solve(factor, &gy)
            subtract(gy, from: &y)
            ratio = norm(y) / size
            if !ratio.isFinite { return .infinity }
        }
        return ratio
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
