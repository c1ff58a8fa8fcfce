import CLAPACK

/// The thin singular value decomposition A = U·diag(σ)·Vᵀ of an m × n matrix (k = min(m, n)).
public struct SingularValueDecomposition: Sendable {
    /// Left singular vectors, m × k.
    public let u: Matrix
    /// Singular values, descending, k of them.
    public let singularValues: [Double]
    /// Right singular vectors transposed, k × n.
    public let vt: Matrix

    /// Decomposes `a` with LAPACK dgesdd (divide and conquer).
    public init(_ a: Matrix) throws {
        let m = a.rows, n = a.columns, k = min(m, n)
        var work = a
        var s = [Double](repeating: 0, count: k)
        var u = Matrix(rows: m, columns: k)
        var vt = Matrix(rows: k, columns: n)
        if k > 0 {
            let info = work.storage.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    u.storage.withUnsafeMutableBufferPointer { pu in
                        vt.storage.withUnsafeMutableBufferPointer { pvt in
                            LAPACKE_dgesdd(
                                LAPACK_COL_MAJOR, Int8(UInt8(ascii: "S")), Int32(m), Int32(n),
                                pa.baseAddress, Int32(max(1, m)), ps.baseAddress,
                                pu.baseAddress, Int32(max(1, m)), pvt.baseAddress, Int32(max(1, k)))
                        }
                    }
                }
            }
            if info != 0 { throw LinearAlgebraError.lapack(name: "dgesdd", info: info) }
        }
        self.u = u
        self.singularValues = s
        self.vt = vt
    }

    /// Number of singular values above `relativeTolerance · σ_max`.
    public func rank(relativeTolerance: Double) -> Int {
        guard let top = singularValues.first, top > 0 else { return 0 }
        return singularValues.prefix { $0 > relativeTolerance * top }.count
    }
}
