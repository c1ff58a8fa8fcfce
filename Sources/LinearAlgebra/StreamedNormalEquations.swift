import CLAPACK

/// x·B⁺ for a wide B (rows < columns) of full row rank that is never held whole (`ColumnBlocks`): the
/// refined normal equations of `RefinedNormalEquations` with every product by B taken block by block.
/// One pass gathers G = B Bᵀ and B xᵀ; each refinement step is one more pass (the residual of a block's
/// columns needs only that block). The same checks decide acceptance: a matrix declined here is
/// declined by `RefinedNormalEquations` too (to rounding), and the caller then assembles B.
public enum StreamedNormalEquations {
    /// x·B⁺ and the rank (B's row count), or nil when B is not wide or is declined (Gram matrix not
    /// numerically positive definite, refinement too slow, or full rank not certified under
    /// `relativeTolerance`).
    public static func solve(
        _ x: [Double], _ b: some ColumnBlocks, relativeTolerance: Double
    ) throws -> (solution: [Double], rank: Int)? {
        let p = b.rows
        precondition(x.count == b.columns, "one entry per column")
        guard p > 0, p < b.columns else { return nil }
        var (factor, v) = b.gramAndProduct(x)
        let info = factor.storage.withUnsafeMutableBufferPointer { pr in
            BLAS.withThreadsFor(flops: Double(p) * Double(p) * Double(p) / 3) {
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), pr.baseAddress, Int32(p))
            }
        }
        if info < 0 { throw LinearAlgebraError.lapack(name: "dpotrf", info: info) }
        if info > 0 { return nil }
        for j in 0..<p {
            for i in (j + 1)..<max(j + 1, p) { factor[i, j] = 0 }
        }
        RefinedNormalEquations.solve(factor, &v)
        var probe = RefinedNormalEquations.Probe(size: p, factor: factor)
        var refined = false, previous = Double.infinity
        let steps = max(RefinedNormalEquations.maximumSteps, RefinedNormalEquations.powerSteps)
        for step in 0..<steps {
            // One pass: B·(x − Bᵀv)ᵀ and B·Bᵀ·y, block by block.
            var both = residualPass(x, b, v, probe.y)
            RefinedNormalEquations.solve(factor, &both, columns: 2)
            let correction = Array(both[0..<p])
            probe.step(subtracting: both[p...], factor: factor)
            if !refined {
                RefinedNormalEquations.add(correction, to: &v)
                let size = RefinedNormalEquations.norm(correction), scale = RefinedNormalEquations.norm(v)
                if step == 0 && size > RefinedNormalEquations.maximumFirstCorrection * scale { return nil }
                refined = size * min(1, size / previous) <= 4 * Double.ulpOfOne * scale || size > previous / 2
                previous = size
            }
            if refined && step + 1 >= RefinedNormalEquations.powerSteps { break }
        }
        guard refined else { return nil }
        let deviation = probe.ratio
        guard deviation <= RefinedNormalEquations.maximumDeviation,
              try RefinedNormalEquations.certifiesFullRank(
                factor, relativeTolerance * ((1 + deviation) / (1 - deviation)).squareRoot())
        else { return nil }
        return (v, p)
    }

    /// [B·(x − Bᵀv)ᵀ, B·Bᵀ·y] stored one after the other (length 2·rows), in one pass over B.
    static func residualPass(_ x: [Double], _ b: some ColumnBlocks, _ v: [Double], _ y: [Double]) -> [Double] {
        let n = b.rows
        let pair = v + y  // rows × 2
        var out = [Double](repeating: 0, count: 2 * n)
        b.forEachBlock { first, block in
            let width = block.columns
            guard width > 0 else { return }
            var t = [Double](repeating: 0, count: 2 * width)  // Bⱼᵀ [v y]
            block.storage.withUnsafeBufferPointer { pb in
                pair.withUnsafeBufferPointer { pp in
                    t.withUnsafeMutableBufferPointer { pt in
                        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(width), 2, Int32(n), 1,
                                    pb.baseAddress, Int32(n), pp.baseAddress, Int32(n), 0, pt.baseAddress, Int32(width))
                    }
                }
            }
            for j in 0..<width { t[j] = x[first + j] - t[j] }
            block.storage.withUnsafeBufferPointer { pb in
                t.withUnsafeBufferPointer { pt in
                    out.withUnsafeMutableBufferPointer { po in
                        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(n), 2, Int32(width), 1,
                                    pb.baseAddress, Int32(n), pt.baseAddress, Int32(width), 1, po.baseAddress, Int32(n))
                    }
                }
            }
        }
        return out
    }
}

