import CLAPACK

extension BLAS {
    /// x·y over `count` entries of raw storage (ddot, for hot loops that keep their own buffers).
    @inline(__always)
    public static func dot(count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        cblas_ddot(Int32(count), x, 1, y, 1)
    }

    /// y ← α·x + y over `count` entries of raw storage (daxpy).
    @inline(__always)
    public static func axpy(count: Int, alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        cblas_daxpy(Int32(count), alpha, x, 1, y, 1)
    }
}
