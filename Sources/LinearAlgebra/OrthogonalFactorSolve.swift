import CLAPACK

/// x·A⁺ through an orthogonal factorization, for A of full numerical rank: the QR factorization of
/// the tall one of A and Aᵀ (T = Q·R, q × p with q ≥ p), then one triangular solve. It costs
/// 2·p²·q − 2p³/3 flops (p = min, q = max of the dimensions), against ≈ 4p²q + 22p³ for the SVD with
/// singular vectors, and gives the same minimum-norm solution. The QR is LAPACK's dgeqrt, whose
/// recursive panels run at near-dgemm speed (dgelqf on a wide matrix runs at a third of it, so a
/// wide A is transposed first). Whether A has full rank under the relative tolerance is decided on
/// the p × p triangle R, whose singular values are A's.
enum OrthogonalFactorSolve {
    /// x·A⁺, the rank p = min(rows, columns) and the route taken, or nil when A is rank deficient under
    /// `relativeTolerance` (singular values ≤ tolerance·σ_max present): the caller then uses the SVD.
    /// Well-conditioned matrices go through the refined normal equations (BLAS-3 throughout); Householder
    /// QR takes over for the others.
    static func rowTimesPseudoinverse(
        _ x: [Double], _ a: Matrix, relativeTolerance: Double, timer: KernelTimer? = nil
    ) throws -> (solution: [Double], rank: Int, route: PseudoinverseRoute)? {
        try BLAS.withThreadsFor(flops: KernelFlops.normalEquations(m: a.rows, n: a.columns)) {
            if let (v, rank) = try RefinedNormalEquations.solve(x, a, relativeTolerance: relativeTolerance, timer: timer) {
                return (v, rank, .refinedNormalEquations)
            }
            return try solve(x, a, relativeTolerance: relativeTolerance, timer: timer)
                .map { ($0.solution, $0.rank, .householderQR) }
        }
    }

    static func solve(
        _ x: [Double], _ a: Matrix, relativeTolerance: Double, timer: KernelTimer? = nil
    ) throws -> (solution: [Double], rank: Int)? {
        let wide = a.rows < a.columns
        let q = max(a.rows, a.columns), p = min(a.rows, a.columns)
        if p == 0 { return nil }
        var f = wide ? transpose(a) : a.storage  // T, q × p, column-major
        let nb = min(64, p)
        var t = [Double](repeating: 0, count: nb * p)
        let qrFlops = KernelFlops.householderQR(p: p, q: q)
        let info = KernelTimer.measure(timer, "dgeqrt", flops: qrFlops) {
            f.withUnsafeMutableBufferPointer { pf in
                t.withUnsafeMutableBufferPointer { pt in
                    LAPACKE_dgeqrt(LAPACK_COL_MAJOR, Int32(q), Int32(p), Int32(nb), pf.baseAddress, Int32(q), pt.baseAddress, Int32(nb))
                }
            }
        }
        if info != 0 { throw LinearAlgebraError.lapack(name: "dgeqrt", info: info) }
        var triangle = Matrix(rows: p, columns: p)
        for j in 0..<p {
            for i in 0...j { triangle[i, j] = f[i + j * q] }
        }
        guard try hasFullRank(triangle, relativeTolerance: relativeTolerance, timer: timer) else { return nil }
        func applyQ(_ trans: UInt8, _ c: inout [Double]) throws {
            let status = f.withUnsafeBufferPointer { pf in
                t.withUnsafeBufferPointer { pt in
                    c.withUnsafeMutableBufferPointer { pc in
                        LAPACKE_dgemqrt(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(trans), Int32(q), 1, Int32(p), Int32(nb),
                                        pf.baseAddress, Int32(q), pt.baseAddress, Int32(nb), pc.baseAddress, Int32(q))
                    }
                }
            }
            if status != 0 { throw LinearAlgebraError.lapack(name: "dgemqrt", info: status) }
        }
        func solve(_ trans: CBLAS_TRANSPOSE, _ v: inout [Double]) {
            triangle.storage.withUnsafeBufferPointer { pr in
                v.withUnsafeMutableBufferPointer { pv in
                    cblas_dtrsv(CblasColMajor, CblasUpper, trans, CblasNonUnit, Int32(p), pr.baseAddress, Int32(p), pv.baseAddress, 1)
                }
            }
        }
        if wide {
            // Aᵀ = Q₁·R, A = Rᵀ·Q₁ᵀ: x·A⁺ = x·Q₁·R⁻ᵀ, i.e. v solves R·vᵀ = (Qᵀxᵀ)₁…p.
            var z = x
            try applyQ(UInt8(ascii: "T"), &z)
            var v = Array(z.prefix(p))
            solve(CblasNoTrans, &v)
            return (v, p)
        } else {
            // A = Q₁·R: x·A⁺ = x·R⁻¹·Q₁ᵀ, i.e. v = Q·[R⁻ᵀxᵀ; 0].
            var w = x
            solve(CblasTrans, &w)
            var v = [Double](repeating: 0, count: q)
            for i in 0..<p { v[i] = w[i] }
            try applyQ(UInt8(ascii: "N"), &v)
            return (v, p)
        }
    }

    /// The column-major storage of Aᵀ (cache-blocked).
    static func transpose(_ a: Matrix) -> [Double] {
        let m = a.rows, n = a.columns, block = 32
        var out = [Double](repeating: 0, count: m * n)
        a.storage.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j0 in stride(from: 0, to: n, by: block) {
                    for i0 in stride(from: 0, to: m, by: block) {
                        for j in j0..<min(n, j0 + block) {
                            for i in i0..<min(m, i0 + block) { dst[j + i * n] = src[i + j * m] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Whether every singular value of the upper triangle `t` exceeds `relativeTolerance`·σ_max. First the cheap
    /// bound σ_min/σ_max ≥ 1/(‖T‖_F·‖T⁻¹‖_F) (with a safety factor for the rounding in T⁻¹); when that is
    /// inconclusive, the singular values themselves (dgesdd without vectors).
    static func hasFullRank(_ t: Matrix, relativeTolerance: Double, timer: KernelTimer? = nil) throws -> Bool {
        let p = t.rows
        if try boundCertifiesFullRank(t, relativeTolerance: relativeTolerance, timer: timer) { return true }
        var work = t
        var s = [Double](repeating: 0, count: p)
        let status = work.storage.withUnsafeMutableBufferPointer { pw in
            s.withUnsafeMutableBufferPointer { ps in
                LAPACKE_dgesdd(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int32(p), Int32(p), pw.baseAddress, Int32(p),
                               ps.baseAddress, nil, 1, nil, 1)
            }
        }
        if status != 0 { throw LinearAlgebraError.lapack(name: "dgesdd", info: status) }
        guard let top = s.first, top > 0 else { return false }
        return s.allSatisfy { $0 > relativeTolerance * top }
    }

    /// Whether the guaranteed bound κ₂(T) ≤ ‖T‖_F·‖T⁻¹‖_F proves every singular value of the upper triangle `t`
    /// above `relativeTolerance`·σ_max, with a factor 4 to spare for the rounding in T⁻¹.
    static func boundCertifiesFullRank(_ t: Matrix, relativeTolerance: Double, timer: KernelTimer? = nil) throws -> Bool {
        guard let bound = try conditionBound(t, timer: timer) else { return false }
        return 4 * relativeTolerance * bound < 1
    }

    /// ‖T‖_F·‖T⁻¹‖_F ≥ κ₂(T) for an upper triangle T, or nil when T is singular or the bound overflows.
    static func conditionBound(_ t: Matrix, timer: KernelTimer? = nil) throws -> Double? {
        var inverse = t
        let p = Int32(t.rows)
        let info = KernelTimer.measure(timer, "dtrtri", flops: KernelFlops.triangularInverse(p: Int(p))) {
            inverse.storage.withUnsafeMutableBufferPointer { pi in
                LAPACKE_dtrtri(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")), p, pi.baseAddress, p)
            }
        }
        if info < 0 { throw LinearAlgebraError.lapack(name: "dtrtri", info: info) }
        if info > 0 { return nil }
        let bound = frobenius(t) * frobenius(inverse)
        return bound.isFinite ? bound : nil
    }

    /// The Frobenius norm of the upper triangle of a square matrix (dlantr, scaled against overflow).
    static func frobenius(_ a: Matrix) -> Double {
        a.storage.withUnsafeBufferPointer { pa in
            LAPACKE_dlantr(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "F")), Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")),
                           Int32(a.rows), Int32(a.columns), pa.baseAddress, Int32(max(1, a.rows)))
        }
    }
}
