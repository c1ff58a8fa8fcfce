/// Nominal floating-point operation counts of the dense kernels: the one formula per kernel that
/// thread-count choices and GFLOP/s readouts use. They are the textbook leading-order counts (Golub &
/// Van Loan, Matrix Computations, 4th ed.), not what a particular LAPACK build executes, so achieved
/// rates are indicative.
public enum KernelFlops {
    /// C = A·B with A m × k and B k × n (dgemm): 2·m·n·k.
    public static func gemm(m: Int, n: Int, k: Int) -> Double { 2 * Double(m) * Double(n) * Double(k) }

    /// The p × p Gram matrix of the short side of a p × q matrix (dsyrk, one triangle): p²·q.
    public static func syrk(p: Int, q: Int) -> Double { Double(p) * Double(p) * Double(q) }

    /// Cholesky factor of an n × n positive definite matrix (dpotrf): n³/3.
    public static func cholesky(n: Int) -> Double { Double(n) * Double(n) * Double(n) / 3 }

    /// Pivoted Cholesky of an n × n matrix stopped at rank r: n·r² − 2r³/3 (n³/3 at full rank).
    public static func pivotedCholesky(n: Int, rank r: Int) -> Double {
        Double(n) * Double(r) * Double(r) - 2 * Double(r) * Double(r) * Double(r) / 3
    }

    /// Householder QR of the p × q short-side transpose (dgeqrt): 2p²q − 2p³/3.
    public static func householderQR(p: Int, q: Int) -> Double {
        2 * Double(p) * Double(p) * Double(q) - 2 * Double(p) * Double(p) * Double(p) / 3
    }

    /// Inverse of a p × p triangular matrix (dtrtri): p³/3.
    public static func triangularInverse(p: Int) -> Double { Double(p) * Double(p) * Double(p) / 3 }

    /// Thin SVD of a matrix with short side p and long side q (dgesdd, singular vectors): 4p²q + 22p³.
    public static func thinSVD(p: Int, q: Int) -> Double {
        let p = Double(p), q = Double(q)
        return 4 * p * p * q + 22 * p * p * p
    }

    /// Gram matrix and its Cholesky factor for an m × n matrix (p = min, q = max): p²·q + p³/3.
    public static func normalEquations(m: Int, n: Int) -> Double {
        let p = min(m, n), q = max(m, n)
        return syrk(p: p, q: q) + cholesky(n: p)
    }
}
