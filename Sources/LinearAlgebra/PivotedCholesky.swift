import CLAPACK

/// A rank-revealing factor of a symmetric positive semidefinite matrix: A ≈ R·Rᵀ with R of size n × rank.
public struct PivotedCholesky: Sendable {
    /// The factor R (n × rank), with the pivoting already undone, so that R·Rᵀ = A to rounding.
    public let factor: Matrix
    /// The numerical rank found (pivots above the tolerance).
    public let rank: Int

    /// Factors the semidefinite `a` with LAPACK dpstrf; pivots below `tolerance` (absolute,
    /// or n·ε·max diag when negative) end the factorization.
    public init(_ a: consuming Matrix, tolerance: Double = -1) throws {
        precondition(a.rows == a.columns, "Cholesky needs a square matrix")
        let n = a.rows
        // Factor in place: when the caller hands over its last reference no copy is made.
        var l = consume a
        var piv = [Int32](repeating: 0, count: n)
        var rank: Int32 = 0
        if n > 0 {
            let info = l.storage.withUnsafeMutableBufferPointer { pl in
                piv.withUnsafeMutableBufferPointer { pp in
                    LAPACKE_dpstrf(
                        LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), pl.baseAddress,
                        Int32(n), pp.baseAddress, &rank, tolerance)
                }
            }
            // info > 0 only says the matrix is rank deficient, which is expected here.
            if info < 0 { throw LinearAlgebraError.lapack(name: "dpstrf", info: info) }
        }
        let r = Int(rank)
        // Undo the pivoting column by column in the same storage: column j of the factor has
        // l[i, j] (i ≥ j) in row piv[i] − 1 and zeros elsewhere.
        var storage = l.storage
        var column = [Double](repeating: 0, count: n)
        storage.withUnsafeMutableBufferPointer { ps in
            for j in 0..<r {
                let base = j * n
                for i in j..<n { column[i] = ps[base + i] }
                for i in 0..<n { ps[base + i] = 0 }
                for i in j..<n { ps[base + Int(piv[i]) - 1] = column[i] }
            }
        }
        storage.removeLast(n * (n - r))
        self.factor = Matrix(rows: n, columns: r, columnMajor: storage)
        self.rank = r
    }
}
