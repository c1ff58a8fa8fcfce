import LinearAlgebra

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

    /// Thin SVD with both singular-vector sets of an m × n matrix (R-SVD): 4·p²·q + 22·p³ with
    /// p = min(m, n), q = max(m, n).
    public static func thinSVD(m: Int, n: Int) -> Double {
        let p = Double(min(m, n)), q = Double(max(m, n))
        return 4 * p * p * q + 22 * p * p * p
    }

    /// Householder LQ or QR of an m × n matrix (p = min, q = max): 2·p²·q − 2p³/3.
    public static func orthogonalFactor(m: Int, n: Int) -> Double {
        let p = Double(min(m, n)), q = Double(max(m, n))
        return 2 * p * p * q - 2 * p * p * p / 3
    }

    /// Gram matrix and its Cholesky factor for an m × n matrix (p = min, q = max): p²·q + p³/3.
    public static func normalEquations(m: Int, n: Int) -> Double {
        let p = Double(min(m, n)), q = Double(max(m, n))
        return p * p * q + p * p * p / 3
    }

    /// The readout x·B⁺ of an m × n matrix B along `route`: its factorizations (the QR route includes the
    /// normal equations it was handed over from and the p³/3 triangle inverse that certifies full rank;
    /// the SVD route the QR that declined), not the O(p·q) refinement and power steps.
    public static func readout(m: Int, n: Int, route: PseudoinverseRoute) -> Double {
        let p = Double(min(m, n)), triangle = p * p * p / 3
        switch route {
        case .refinedNormalEquations: return normalEquations(m: m, n: n)
        case .householderQR: return normalEquations(m: m, n: n) + orthogonalFactor(m: m, n: n) + triangle
        case .singularValueDecomposition: return thinSVD(m: m, n: n) + orthogonalFactor(m: m, n: n) + triangle
        }
    }
}
