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
    /// Power steps estimating that spectral radius (taken alongside the refinement steps).
    static let powerSteps = 3
    /// Safety factor on LAPACK's condition estimate before it is trusted to certify full rank.
    static let estimateMargin = 10.0

    /// x·A⁺ and the rank p = min(rows, columns), or nil when A is declined: its Gram matrix is not
    /// numerically positive definite, the computed Gram matrix is too far from the exact one (a rank
    /// deficiency hidden by rounding), full rank cannot be certified under `relativeTolerance`, or the
    /// refinement does not converge quickly.
    /// `timer`, if given, receives the time and flops of each BLAS-3/LAPACK kernel.
    static func solve(
        _ x: [Double], _ a: Matrix, relativeTolerance: Double, timer: KernelTimer? = nil
    ) throws -> (solution: [Double], rank: Int)? {
        let p = min(a.rows, a.columns)
        if p == 0 { return nil }
        guard let factor = try choleskyOfGram(a, timer: timer) else { return nil }
        let wide = a.rows < a.columns
        // Wide: v solves v·A·Aᵀ = x·Aᵀ (the least-squares problem min ‖v·A − x‖).
        // Tall: v = z·Aᵀ with z·Aᵀ·A = x (the minimum-norm solution of v·A = x).
        // Each refinement step also takes one power step on Δ = I − G_c⁻¹·G (G_c = RᵀR computed, G exact),
        // to estimate ρ(Δ), its two triangular solves sharing those of the refinement.
        var probe = Probe(size: p, factor: factor)
        var v: [Double], ay: [Double] = []  // tall: A·y for the next step's pass
        if wide {
            v = BLAS.multiply(a, x)
            solve(factor, &v)
        } else {
            var z = x
            solve(factor, &z)
            (v, ay) = pair(a, z, probe.y, transposed: false)
        }
        var refined = false, previous = Double.infinity
        for step in 0..<max(maximumSteps, powerSteps) {
            // Pass 1: Aᵀ·v for the residual, and Aᵀ·y (wide) or Aᵀ·(A·y) = G·y (tall).
            let (atv, second) = pair(a, v, wide ? probe.y : ay, transposed: true)
            var residual = x
            subtract(atv, from: &residual)
            // Pass 2 (wide): A·r and A·(Aᵀ·y) = G·y.
            let (unsolved, gram) = wide ? pair(a, residual, second, transposed: false) : (residual, second)
            var both = unsolved + gram
            solve(factor, &both, columns: 2)
            let correction = Array(both[0..<p])
            probe.step(subtracting: both[p...], factor: factor)
            // Pass 2 (tall): A·correction, and A·y for the next power step.
            let change: [Double]
            if wide { change = correction } else { (change, ay) = pair(a, correction, probe.y, transposed: false) }
            if !refined {
                add(change, to: &v)
                let size = norm(change), scale = norm(v)
                // The first correction is the error of the plain normal equations, ≈ κ²·ε: it also bounds
                // each later step's contraction factor.
                if step == 0 && size > maximumFirstCorrection * scale { return nil }
                // Converged (what the next step would add, ≈ size²/previous at this contraction, is below
                // rounding), or stalled at the rounding floor (≈ κ·ε) of the residual.
                refined = size * min(1, size / previous) <= 4 * Double.ulpOfOne * scale || size > previous / 2
                previous = size
            }
            if refined && step + 1 >= powerSteps { break }
        }
        guard refined else { return nil }
        // G = G_c·(I − Δ): when ρ(Δ) = ρ < 1, G is nonsingular and κ(A)² ≤ κ(R)²·(1 + ρ)/(1 − ρ).
        let deviation = probe.ratio
        guard deviation <= maximumDeviation,
              try certifiesFullRank(factor, relativeTolerance * ((1 + deviation) / (1 - deviation)).squareRoot(), timer: timer)
        else { return nil }
        return (v, p)
    }

    /// Whether κ₂(R) < 1/(4·`tolerance`). First LAPACK's 1-norm estimate (dtrcon, O(p²)): κ₂ ≤ p·κ₁, and the
    /// estimate of ‖R⁻¹‖₁ is rarely off by more than 3, so a margin of `estimateMargin` decides the common
    /// case; otherwise the guaranteed bound ‖R‖_F·‖R⁻¹‖_F (dtrtri, p³/3 flops).
    static func certifiesFullRank(_ factor: Matrix, _ tolerance: Double, timer: KernelTimer? = nil) throws -> Bool {
        let p = Int32(factor.rows)
        var reciprocal = 0.0
        let info = factor.storage.withUnsafeBufferPointer { pr in
            LAPACKE_dtrcon(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "1")), Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")),
                           p, pr.baseAddress, p, &reciprocal)
        }
        if info < 0 { throw LinearAlgebraError.lapack(name: "dtrcon", info: info) }
        if reciprocal > 0, 4 * tolerance * estimateMargin * Double(p) / reciprocal < 1 { return true }
        return try OrthogonalFactorSolve.boundCertifiesFullRank(factor, relativeTolerance: tolerance, timer: timer)
    }

    /// Power steps on Δ = I − G_c⁻¹·G, measured in the G_c-norm ‖R·y‖, where Δ is self-adjoint: the ratio
    /// estimates ρ(Δ) from below. The start excites every direction; rounding makes G_c positive definite
    /// even for a rank-deficient A, and then Δ has an eigenvalue near 1 that the refinement cannot see
    /// (its residuals never enter A's null space).
    struct Probe {
        /// The current vector.
        private(set) var y: [Double]
        /// ‖R·y‖ of the current vector.
        private var energy: Double
        /// ‖Δ·y‖/‖y‖ of the last step.
        private(set) var ratio = 0.0

        init(size: Int, factor: Matrix) {
            y = Self.start(size: size)
            energy = Self.energyNorm(y, factor)
        }

        /// The first vector (golden-angle phases).
        static func start(size: Int) -> [Double] {
            (0..<size).map { sin(Double($0 + 1) * 2.399963229728653) }
        }

        /// y ← y − G_c⁻¹·G·y, given `gy` = G_c⁻¹·G·y.
        mutating func step(subtracting gy: ArraySlice<Double>, factor: Matrix) {
            for (i, g) in zip(y.indices, gy) { y[i] -= g }
            let after = Self.energyNorm(y, factor)
            ratio = energy > 0 ? after / energy : 0
            energy = after
        }

        /// ‖R·y‖ (dtrmv).
        static func energyNorm(_ y: [Double], _ factor: Matrix) -> Double {
            var ry = y
            let p = Int32(factor.rows)
            factor.storage.withUnsafeBufferPointer { pr in
                ry.withUnsafeMutableBufferPointer { py in
                    cblas_dtrmv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, p, pr.baseAddress, p, py.baseAddress, 1)
                }
            }
            return norm(ry)
        }
    }

    /// op(A)·u and op(A)·w (two dgemv: with OpenBLAS they stream A faster than one two-column dgemm).
    static func pair(_ a: Matrix, _ u: [Double], _ w: [Double], transposed: Bool) -> ([Double], [Double]) {
        let trans: Transpose = transposed ? .transposed : .none
        return (BLAS.multiply(a, u, trans: trans), BLAS.multiply(a, w, trans: trans))
    }

    /// The upper Cholesky factor R of the Gram matrix of the short side (RᵀR = A·Aᵀ for a wide A,
    /// AᵀA for a tall one), or nil when that matrix is not numerically positive definite.
    static func choleskyOfGram(_ a: Matrix, timer: KernelTimer? = nil) throws -> Matrix? {
        let wide = a.rows < a.columns
        let p = min(a.rows, a.columns), q = max(a.rows, a.columns)
        var r = Matrix(rows: p, columns: p)
        KernelTimer.measure(timer, "dsyrk", flops: KernelFlops.syrk(p: p, q: q)) {
            a.storage.withUnsafeBufferPointer { pa in
                r.storage.withUnsafeMutableBufferPointer { pr in
                    cblas_dsyrk(CblasColMajor, CblasUpper, wide ? CblasNoTrans : CblasTrans, Int32(p), Int32(q), 1,
                                pa.baseAddress, Int32(a.rows), 0, pr.baseAddress, Int32(p))
                }
            }
        }
        let info = KernelTimer.measure(timer, "dpotrf", flops: KernelFlops.cholesky(n: p)) {
            r.storage.withUnsafeMutableBufferPointer { pr in
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), pr.baseAddress, Int32(p))
            }
        }
        if info < 0 { throw LinearAlgebraError.lapack(name: "dpotrf", info: info) }
        return info == 0 ? r : nil
    }

    /// Each of the `columns` vectors stored one after another in `v` ← (RᵀR)⁻¹·itself (two triangular
    /// solves: dtrsv for one vector, dtrsm for several, so R is read once per solve).
    static func solve(_ factor: Matrix, _ v: inout [Double], columns: Int = 1) {
        let p = Int32(factor.rows)
        factor.storage.withUnsafeBufferPointer { pr in
            v.withUnsafeMutableBufferPointer { pv in
                if columns == 1 {
                    cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, p, pr.baseAddress, p, pv.baseAddress, 1)
                    cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, p, pr.baseAddress, p, pv.baseAddress, 1)
                } else {
                    for trans in [CblasTrans, CblasNoTrans] {
                        cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, trans, CblasNonUnit, p, Int32(columns), 1,
                                    pr.baseAddress, p, pv.baseAddress, p)
                    }
                }
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
