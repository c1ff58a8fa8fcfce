import CLAPACK

/// Solutions of symmetric positive definite systems.
public enum CholeskySolve {
    /// The row vector x·A⁻¹ for symmetric positive definite A (LAPACK dposv).
    public static func rowTimesInverse(_ x: [Double], _ a: Matrix) throws -> [Double] {
        precondition(a.rows == a.columns && x.count == a.rows, "dimension mismatch")
        let n = a.rows
        if n == 0 { return [] }
        var f = a
        var b = x  // A symmetric: x·A⁻¹ = (A⁻¹ xᵀ)ᵀ
        let info = f.storage.withUnsafeMutableBufferPointer { pf in
            b.withUnsafeMutableBufferPointer { pb in
                LAPACKE_dposv(
                    LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(n), 1, pf.baseAddress, Int32(n),
                    pb.baseAddress, Int32(n))
            }
        }
        if info != 0 { throw LinearAlgebraError.lapack(name: "dposv", info: info) }
        return b
    }
}
