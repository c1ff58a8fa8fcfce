/// Nominal floating-point operation counts of the dense kernels, used to turn times into GFLOP/s.
/// They are the textbook leading-order counts (Golub & Van Loan, Matrix Computations, 4th ed.),
/// not what a particular LAPACK build executes, so achieved rates are indicative.
public enum KernelFlops {
    /// C = A·B with A m × k and B k × n: 2·m·n·k.
    public static func gemm(m: Int, n: Int, k: Int) -> Double { 2 * Double(m) * Double(n) * Double(k) }

    /// Pivoted Cholesky of an n × n matrix stopped at rank r: n·r² − 2r³/3 (n³/3 at full rank).
    public static func pivotedCholesky(n: Int, rank r: Int) -> Double {
        Double(n) * Double(r) * Double(r) - 2 * Double(r) * Double(r) * Double(r) / 3
    }

    /// Gram matrix and its Cholesky factor for an m × n matrix (p = min, q = max): p²·q + p³/3.
    public static func normalEquations(m: Int, n: Int) -> Double {
        let p = Double(min(m, n)), q = Double(max(m, n))
        return p * p * q + p * p * p / 3
    }
}
