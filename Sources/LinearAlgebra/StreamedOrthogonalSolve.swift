import CLAPACK

/// x·B⁺ for a wide B (rows N < columns) that is never held whole (`ColumnBlocks`): the Householder QR
/// of the tall [Bᵀ | xᵀ] accumulated block by block (LAPACK dtpqrt: the running (N+1) × (N+1) triangle
/// stacked over the next block's rows), so only that triangle and one transposed block are held. With
/// Bᵀ = Q₁·R the triangle holds R and, in its last column, (Q₁ᵀxᵀ)₁…N; then x·B⁺ = x·Q₁·R⁻ᵀ. When R is
/// rank deficient under the tolerance, its SVD R = U·Σ·Vᵀ is B's (B = V·Σ·(Q₁U)ᵀ), and
/// x·B⁺ = (Q₁ᵀxᵀ)ᵀ·U·Σ⁺·Vᵀ over the kept singular values. Same flops as the unstreamed QR (2·N²·columns).
public enum StreamedOrthogonalSolve {
    /// x·B⁺, the rank used and the route (Householder QR when R has full rank under `relativeTolerance`,
    /// certified as in `OrthogonalFactorSolve`; the SVD of R otherwise).
    public static func rowTimesPseudoinverse(
        _ x: [Double], _ b: some ColumnBlocks, relativeTolerance: Double
    ) throws -> (solution: [Double], rank: Int, route: PseudoinverseRoute) {
        let n = b.rows
        precondition(x.count == b.columns, "one entry per column")
        precondition(n > 0 && n < b.columns, "B must be wide")
        let (r, z) = try triangle(x, b)
        if try OrthogonalFactorSolve.hasFullRank(r, relativeTolerance: relativeTolerance) {
            var v = z
            r.storage.withUnsafeBufferPointer { pr in
                v.withUnsafeMutableBufferPointer { pv in
                    cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(n), pr.baseAddress, Int32(n),
                                pv.baseAddress, 1)
                }
            }
            return (v, n, .householderQR)
        }
        let svd = try BLAS.withThreadsFor(flops: KernelFlops.thinSVD(p: n, q: n)) { try SingularValueDecomposition(r) }
        let rank = svd.rank(relativeTolerance: relativeTolerance)
        let uz = BLAS.multiply(svd.u, z, trans: .transposed)
        var scaled = [Double](repeating: 0, count: n)
        for i in 0..<rank { scaled[i] = uz[i] / svd.singularValues[i] }
        return (BLAS.multiply(svd.vt, scaled, trans: .transposed), rank, .singularValueDecomposition)
    }

    /// Columns of the Householder block reflectors (dtpqrt's nb).
    static let reflectorBlock = 64

    /// R (N × N, upper) and (Q₁ᵀxᵀ)₁…N of the QR factorization Bᵀ = Q₁·R, in one pass over the blocks.
    static func triangle(_ x: [Double], _ b: some ColumnBlocks) throws -> (r: Matrix, z: [Double]) {
        let n = b.rows, p = n + 1
        let nb = min(reflectorBlock, p)
        var top = [Double](repeating: 0, count: p * p)  // the running triangle of [Bᵀ | xᵀ], column-major
        var t = [Double](repeating: 0, count: nb * p)
        var bottom: [Double] = []
        try b.forEachBlock { first, block in
            let width = block.columns
            guard width > 0 else { return }
            // The block's rows of [Bᵀ | xᵀ] (width × (N+1), column-major).
            if bottom.count < width * p { bottom = [Double](repeating: 0, count: width * p) }
            bottom.withUnsafeMutableBufferPointer { pb in
                block.storage.withUnsafeBufferPointer { src in
                    let tile = 32
                    for j0 in stride(from: 0, to: width, by: tile) {
                        for i0 in stride(from: 0, to: n, by: tile) {
                            for j in j0..<min(width, j0 + tile) {
                                for i in i0..<min(n, i0 + tile) { pb[j + i * width] = src[i + j * n] }
                            }
                        }
                    }
                }
                for j in 0..<width { pb[j + n * width] = x[first + j] }
            }
            let info = BLAS.withThreadsFor(flops: 2 * Double(p) * Double(p) * Double(width)) {
                top.withUnsafeMutableBufferPointer { pa in
                    bottom.withUnsafeMutableBufferPointer { pb in
                        t.withUnsafeMutableBufferPointer { pt in
                            LAPACKE_dtpqrt(LAPACK_COL_MAJOR, Int32(width), Int32(p), 0, Int32(nb), pa.baseAddress, Int32(p),
                                           pb.baseAddress, Int32(width), pt.baseAddress, Int32(nb))
                        }
                    }
                }
            }
            if info != 0 { throw LinearAlgebraError.lapack(name: "dtpqrt", info: info) }
        }
        var r = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0...j { r[i, j] = top[i + j * p] }
        }
        return (r, Array(top[(n * p)..<(n * p + n)]))
    }
}
