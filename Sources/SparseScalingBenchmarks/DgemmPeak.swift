import SparseScaling
import LinearAlgebra

/// The machine's practical dense-matrix peak: the best GFLOP/s of a large square dgemm.
package enum DgemmPeak {
    /// GFLOP/s of C = A·B for `size` × `size` matrices, best of `repeats` timings (after one warm-up).
    package static func measure(size: Int = 3072, repeats: Int = 3) -> Double {
        var a = Matrix(rows: size, columns: size)
        var b = Matrix(rows: size, columns: size)
        for i in a.storage.indices {
            a.storage[i] = Double((i &* 7919) % 1009) / 1009 - 0.5
            b.storage[i] = Double((i &* 104_729) % 997) / 997 - 0.5
        }
        var c = Matrix(rows: size, columns: size)
        BLAS.gemm(.none, a, .none, b, into: &c)
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let (seconds, _) = PhaseClock.measure { BLAS.gemm(.none, a, .none, b, into: &c) }
            best = min(best, seconds)
        }
        return KernelFlops.gemm(m: size, n: size, k: size) / best / 1e9
    }
}
