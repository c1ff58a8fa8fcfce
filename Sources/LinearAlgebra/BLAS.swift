import CLAPACK

/// Whether an operand of a product enters as itself or transposed.
public enum Transpose: Sendable {
    case none, transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

/// Matrix products and the few BLAS-1/2/3 kernels the solvers need.
public enum BLAS {
    /// C ← α·op(A)·op(B) + β·C (dgemm).
    public static func gemm(
        _ transA: Transpose, _ a: Matrix, _ transB: Transpose, _ b: Matrix,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) {
        let m = transA == .none ? a.rows : a.columns
        let k = transA == .none ? a.columns : a.rows
        let kb = transB == .none ? b.rows : b.columns
        let n = transB == .none ? b.columns : b.rows
        precondition(k == kb && c.rows == m && c.columns == n, "gemm dimension mismatch")
        if m == 0 || n == 0 { return }
        if k == 0 {
            for idx in c.storage.indices { c.storage[idx] *= beta }
            return
        }
        withThreadsFor(flops: KernelFlops.gemm(m: m, n: n, k: k)) {
            a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, transA.cblas, transB.cblas,
                        Int32(m), Int32(n), Int32(k), alpha,
                        pa.baseAddress, Int32(max(1, a.rows)),
                        pb.baseAddress, Int32(max(1, b.rows)),
                        beta, pc.baseAddress, Int32(max(1, c.rows)))
                }
            }
            }
        }
    }

    /// op(A)·op(B) as a new matrix.
    public static func product(
        _ a: Matrix, _ b: Matrix, transA: Transpose = .none, transB: Transpose = .none
    ) -> Matrix {
        let m = transA == .none ? a.rows : a.columns
        let n = transB == .none ? b.columns : b.rows
        var c = Matrix(rows: m, columns: n)
        gemm(transA, a, transB, b, into: &c)
        return c
    }

    /// y = op(A)·x as a new vector (dgemv).
    public static func multiply(_ a: Matrix, _ x: [Double], trans: Transpose = .none) -> [Double] {
        let outCount = trans == .none ? a.rows : a.columns
        let inCount = trans == .none ? a.columns : a.rows
        precondition(x.count == inCount, "gemv dimension mismatch")
        var y = [Double](repeating: 0, count: outCount)
        if outCount == 0 || inCount == 0 { return y }
        a.storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, trans.cblas, Int32(a.rows), Int32(a.columns), 1,
                        pa.baseAddress, Int32(max(1, a.rows)), px.baseAddress, 1, 0, py.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// The Gram matrix A·Aᵀ (upper and lower triangles filled; dsyrk).
    public static func gram(_ a: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: a.rows)
        if a.rows == 0 || a.columns == 0 { return c }
        a.storage.withUnsafeBufferPointer { pa in
            c.storage.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(
                    CblasColMajor, CblasUpper, CblasNoTrans, Int32(a.rows), Int32(a.columns), 1,
                    pa.baseAddress, Int32(max(1, a.rows)), 0, pc.baseAddress, Int32(max(1, a.rows)))
            }
        }
        c.symmetrizeFromUpper()
        return c
    }

    /// The dot product of two equal-length vectors.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot dimension mismatch")
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                cblas_ddot(Int32(x.count), px.baseAddress, 1, py.baseAddress, 1)
            }
        }
    }

    /// Problems below this many flops run on one BLAS thread: waking OpenBLAS's worker threads costs
    /// more than it saves there, and far more when the machine is busy (threads spin for a core).
    public static let singleThreadFlops = Double(1 << 27)

    /// Runs `body` with BLAS limited to one thread when `flops` is below `singleThreadFlops`, then
    /// restores the previous thread count. (OpenBLAS's setting is process-wide; results do not depend on it.)
    public static func withThreadsFor<T>(flops: Double, _ body: () throws -> T) rethrows -> T {
        guard flops < singleThreadFlops else { return try body() }
        let previous = threadCount
        if previous <= 1 { return try body() }
        setThreadCount(1)
        defer { setThreadCount(previous) }
        return try body()
    }

    /// Runs `body` with BLAS/LAPACK limited to `n` threads (for callers that parallelize over their own
    /// threads), then restores the previous count.
    public static func withThreadCount<T>(_ n: Int, _ body: () throws -> T) rethrows -> T {
        let previous = threadCount
        setThreadCount(n)
        defer { setThreadCount(previous) }
        return try body()
    }

    /// The number of threads BLAS/LAPACK currently use.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Limits the number of threads BLAS/LAPACK use (1 when the caller parallelizes itself).
    public static func setThreadCount(_ n: Int) {
        openblas_set_num_threads(Int32(max(1, n)))
    }
}

extension Matrix {
    /// Copies the upper triangle onto the lower one.
    public mutating func symmetrizeFromUpper() {
        precondition(rows == columns, "symmetrize needs a square matrix")
        for j in 0..<columns {
            for i in (j + 1)..<max(j + 1, rows) { self[i, j] = self[j, i] }
        }
    }
}
