/// Minimum-norm least-squares solutions through the Moore–Penrose pseudoinverse.
public enum Pseudoinverse {
    /// The default relative singular-value tolerance for an m × n matrix: max(m, n)·ε_double.
    public static func defaultTolerance(rows: Int, columns: Int) -> Double {
        Double(max(rows, columns)) * Double.ulpOfOne
    }

    /// The row vector x·A⁺ for a row vector x of length A.columns, with singular values at most
    /// `relativeTolerance · σ_max` treated as zero. Returns the solution, the rank used and the route taken:
    /// full-rank matrices go through the refined normal equations or Householder QR (`OrthogonalFactorSolve`),
    /// others through the SVD. `timer`, if given, receives the time and flops of the dense kernels.
    public static func rowTimesPseudoinverse(
        _ x: [Double], _ a: Matrix, relativeTolerance: Double, timer: KernelTimer? = nil
    ) throws -> (solution: [Double], rank: Int, route: PseudoinverseRoute) {
        precondition(x.count == a.columns, "row vector length must equal the column count")
        if let fast = try OrthogonalFactorSolve.rowTimesPseudoinverse(x, a, relativeTolerance: relativeTolerance, timer: timer) {
            return fast
        }
        let (solution, rank) = try rowTimesPseudoinverseBySVD(x, a, relativeTolerance: relativeTolerance, timer: timer)
        return (solution, rank, .singularValueDecomposition)
    }

    /// x·A⁺ as in `rowTimesPseudoinverse`, always through the SVD (the textbook method; no normal-equations or QR attempt).
    /// `timer`, if given, receives the SVD's time and its nominal flops (4·p²·q + 22·p³, p = min, q = max of the sizes).
    public static func rowTimesPseudoinverseBySVD(
        _ x: [Double], _ a: Matrix, relativeTolerance: Double, timer: KernelTimer? = nil
    ) throws -> (solution: [Double], rank: Int) {
        precondition(x.count == a.columns, "row vector length must equal the column count")
        let flops = KernelFlops.thinSVD(p: min(a.rows, a.columns), q: max(a.rows, a.columns))
        let svd = try KernelTimer.measure(timer, "dgesdd", flops: flops) {
            try SingularValueDecomposition(a)
        }
        let r = svd.rank(relativeTolerance: relativeTolerance)
        // x·A⁺ = x·V·Σ⁻¹·Uᵀ, restricted to the first r singular triplets.
        let xv = BLAS.multiply(svd.vt, x)  // (Vᵀ x) has length k
        var scaled = [Double](repeating: 0, count: svd.singularValues.count)
        for i in 0..<r { scaled[i] = xv[i] / svd.singularValues[i] }
        let solution = BLAS.multiply(svd.u, scaled)
        return (solution, r)
    }

    /// The pseudoinverse A⁺ itself (n × m), for small matrices and tests.
    public static func pseudoinverse(_ a: Matrix, relativeTolerance: Double) throws -> Matrix {
        let svd = try SingularValueDecomposition(a)
        let r = svd.rank(relativeTolerance: relativeTolerance)
        var scaledVt = Matrix(rows: r, columns: a.rows)  // Σ⁻¹ Uᵀ restricted to rank r
        for i in 0..<r {
            for j in 0..<a.rows { scaledVt[i, j] = svd.u[j, i] / svd.singularValues[i] }
        }
        var vr = Matrix(rows: a.columns, columns: r)
        for i in 0..<r {
            for j in 0..<a.columns { vr[j, i] = svd.vt[i, j] }
        }
        return BLAS.product(vr, scaledVt)
    }
}
