import CLAPACK

extension BLAS {
    /// y ← α·op(A)·x + β·y for a column-major `rows` × `columns` matrix A at `a` (dgemv on raw storage,
    /// for hot loops that keep their own buffers).
    public static func gemv(
        _ trans: Transpose, rows: Int, columns: Int, alpha: Double = 1, _ a: UnsafePointer<Double>,
        _ x: UnsafePointer<Double>, beta: Double = 0, _ y: UnsafeMutablePointer<Double>
    ) {
        guard rows > 0, columns > 0 else {
            let n = trans == .none ? rows : columns
            for i in 0..<n { y[i] *= beta }
            return
        }
        cblas_dgemv(
            CblasColMajor, trans.cblas, Int32(rows), Int32(columns), alpha, a, Int32(rows), x, 1, beta, y, 1)
    }

    /// x ← op(L)·x for a lower-triangular n × n matrix L packed by rows (L₀₀, L₁₀, L₁₁, L₂₀, …) (dtpmv).
    public static func multiplyPackedLower(
        _ trans: Transpose, dimension n: Int, _ packed: UnsafePointer<Double>, _ x: UnsafeMutablePointer<Double>
    ) {
        guard n > 0 else { return }
        cblas_dtpmv(CblasRowMajor, CblasLower, trans.cblas, CblasNonUnit, Int32(n), packed, x, 1)
    }
}
