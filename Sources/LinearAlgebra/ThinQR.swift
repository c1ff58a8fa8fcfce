import CLAPACK

/// The thin QR factorization A = Q·R of a tall m × n matrix (m ≥ n), keeping R and the product Qᵀ·b
/// of one vector b: enough to compress a least-squares problem to n × n (LAPACK dgeqrf, dormqr).
public struct ThinQR: Sendable {
    /// The upper-triangular factor R (n × n).
    public let r: Matrix
    /// The first n entries of Qᵀ·b.
    public let projectedVector: [Double]

    /// Factors the tall `a` (m ≥ n) and applies Qᵀ to `b` (length m).
    public init(_ a: Matrix, applyingTransposeTo b: [Double]) throws {
        let m = a.rows, n = a.columns
        precondition(m >= n && b.count == m, "thin QR needs a tall matrix and one entry of b per row")
        var work = a
        var tau = [Double](repeating: 0, count: max(1, n))
        var qtb = b
        if n > 0 {
            let info = work.storage.withUnsafeMutableBufferPointer { pa in
                tau.withUnsafeMutableBufferPointer { pt in
                    LAPACKE_dgeqrf(LAPACK_COL_MAJOR, Int32(m), Int32(n), pa.baseAddress, Int32(m), pt.baseAddress)
                }
            }
            if info != 0 { throw LinearAlgebraError.lapack(name: "dgeqrf", info: info) }
            let applied = work.storage.withUnsafeMutableBufferPointer { pa in
                tau.withUnsafeMutableBufferPointer { pt in
                    qtb.withUnsafeMutableBufferPointer { pb in
                        LAPACKE_dormqr(
                            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")), Int32(m), 1, Int32(n),
                            pa.baseAddress, Int32(m), pt.baseAddress, pb.baseAddress, Int32(m))
                    }
                }
            }
            if applied != 0 { throw LinearAlgebraError.lapack(name: "dormqr", info: applied) }
        }
        var upper = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0...min(j, max(0, n - 1)) where n > 0 { upper[i, j] = work[i, j] }
        }
        r = upper
        projectedVector = Array(qtb.prefix(n))
    }
}
