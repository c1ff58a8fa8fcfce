import CLAPACK

/// The eigendecomposition A = U·diag(values)·Uᵀ of a real symmetric matrix.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// Orthonormal eigenvectors, one per column, in the order of `values`.
    public let vectors: Matrix

    /// Decomposes the symmetric matrix `a` (its upper triangle is read) with LAPACK dsyevd.
    public init(_ a: Matrix) throws {
        precondition(a.rows == a.columns, "eigendecomposition needs a square matrix")
        let n = a.rows
        var u = a
        var w = [Double](repeating: 0, count: n)
        if n > 0 {
            let info = u.storage.withUnsafeMutableBufferPointer { pu in
                w.withUnsafeMutableBufferPointer { pw in
                    LAPACKE_dsyevd(
                        LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")),
                        Int32(n), pu.baseAddress, Int32(n), pw.baseAddress)
                }
            }
            if info != 0 { throw LinearAlgebraError.lapack(name: "dsyevd", info: info) }
        }
        values = w
        vectors = u
    }
}
