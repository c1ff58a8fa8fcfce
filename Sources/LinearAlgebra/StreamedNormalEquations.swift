import CLAPACK

/// x·B⁺ for a wide B (rows < columns) of full row rank that is never held whole (`ColumnBlocks`): the
/// refined normal equations of `RefinedNormalEquations` with every product by B taken block by block.
/// One pass gathers G = B Bᵀ, B xᵀ and the first power step's G·y; each further pass takes the next
/// refinement step (the residual of a block's columns needs only that block) and the next power step,
/// so the usual case costs three passes. The same checks decide acceptance: a matrix declined here is
/// declined by `RefinedNormalEquations` too (to rounding), and the caller then assembles B.
public enum StreamedNormalEquations {
    /// x·B⁺ and the rank (B's row count), or nil when B is not wide or is declined (Gram matrix not
    /// numerically positive definite, refinement too slow, or full rank not certified under
    /// `relativeTolerance`).
    public static func solve(
        _ x: [Double], _ b: some ColumnBlocks, relativeTolerance: Double
    ) throws -> (solution: [Double], rank: Int)? {
        try solve(x, b, relativeTolerance: relativeTolerance) { u, body in
            b.forEachBlock(body)
            return nil
        }.map { ($0.solution, $0.rank) }
    }

    /// As `solve`, and also v·W for the solution v when a pass after the solution became final
    /// regenerated W anyway (nil otherwise: the caller then makes that pass itself).
    public static func solveProjecting(
        _ x: [Double], _ b: some ProjectingColumnBlocks, relativeTolerance: Double
    ) throws -> (solution: [Double], rank: Int, projection: [Double]?)? {
        try solve(x, b, relativeTolerance: relativeTolerance) { u, body in
            guard let u else {
                b.forEachBlock(body)
                return nil
            }
            return b.forEachBlock(projecting: u, body)
        }
    }

    /// One pass over the blocks of B (`body` for each), projecting the vector given (nil: none).
    typealias Pass = (_ projecting: [Double]?, _ body: (Int, Matrix) -> Void) -> [Double]?

    static func solve(
        _ x: [Double], _ b: some ColumnBlocks, relativeTolerance: Double, pass: Pass
    ) throws -> (solution: [Double], rank: Int, projection: [Double]?)? {
        let p = b.rows
        precondition(x.count == b.columns, "one entry per column")
        guard p > 0, p < b.columns else { return nil }
        let start = RefinedNormalEquations.Probe.start(size: p)
        var (factor, v, gy) = gramPass(x, start, rows: p, pass: pass)
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
        RefinedNormalEquations.solve(factor, &gy)
        probe.step(subtracting: gy[...], factor: factor)
        var powerSteps = 1
        var refined = false, previous = Double.infinity
        var projection: [Double]?
        for step in 0..<RefinedNormalEquations.maximumSteps {
            let probing = powerSteps < RefinedNormalEquations.powerSteps
            if refined && !probing { break }
            // One pass: B·(x − Bᵀv)ᵀ while refining, B·Bᵀ·y while probing; v·W once v is final.
            var out = residualPass(
                x, v: refined ? nil : v, y: probing ? probe.y : nil, rows: p,
                projecting: refined ? v : nil, pass: pass, projection: &projection)
            RefinedNormalEquations.solve(factor, &out, columns: out.count / p)
            if probing {
                probe.step(subtracting: out[(out.count - p)...], factor: factor)
                powerSteps += 1
            }
            if !refined {
                let correction = Array(out[0..<p])
                RefinedNormalEquations.add(correction, to: &v)
                let size = RefinedNormalEquations.norm(correction), scale = RefinedNormalEquations.norm(v)
                if step == 0 && size > RefinedNormalEquations.maximumFirstCorrection * scale { return nil }
                refined = size * min(1, size / previous) <= 4 * Double.ulpOfOne * scale || size > previous / 2
                previous = size
            }
        }
        guard refined, powerSteps >= RefinedNormalEquations.powerSteps else { return nil }
        let deviation = probe.ratio
        guard deviation <= RefinedNormalEquations.maximumDeviation,
              try RefinedNormalEquations.certifiesFullRank(
                factor, relativeTolerance * ((1 + deviation) / (1 - deviation)).squareRoot())
        else { return nil }
        return (v, p, projection)
    }

    /// G = B Bᵀ (upper triangle; the lower one is symmetrized), B xᵀ and B·Bᵀ·y in one pass.
    static func gramPass(
        _ x: [Double], _ y: [Double], rows n: Int, pass: Pass
    ) -> (gram: Matrix, product: [Double], gramTimesY: [Double]) {
        var g = Matrix(rows: n, columns: n)
        var bx = [Double](repeating: 0, count: n), gy = [Double](repeating: 0, count: n)
        var t: [Double] = []
        _ = pass(nil) { first, block in
            let width = block.columns
            guard width > 0 else { return }
            if t.count < width { t = [Double](repeating: 0, count: width) }
            BLAS.withThreadsFor(flops: Double(n) * Double(n) * Double(width)) {
                accumulateGramAndProduct(block, first: first, x, gram: &g, product: &bx)
                block.storage.withUnsafeBufferPointer { pb in
                    y.withUnsafeBufferPointer { py in
                        t.withUnsafeMutableBufferPointer { pt in
                            cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(width), 1, pb.baseAddress, Int32(n),
                                        py.baseAddress, 1, 0, pt.baseAddress, 1)
                            gy.withUnsafeMutableBufferPointer { pgy in
                                cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(width), 1, pb.baseAddress, Int32(n),
                                            pt.baseAddress, 1, 1, pgy.baseAddress, 1)
                            }
                        }
                    }
                }
            }
        }
        g.symmetrizeFromUpper()
        return (g, bx, gy)
    }

    /// [B·(x − Bᵀv)ᵀ if `v` is given, B·Bᵀ·y if `y` is given] stored one after the other, in one pass
    /// over B; `projection` receives the pass's projection of `projecting`, if any.
    static func residualPass(
        _ x: [Double], v: [Double]?, y: [Double]?, rows n: Int, projecting: [Double]?, pass: Pass,
        projection: inout [Double]?
    ) -> [Double] {
        let vectors = (v ?? []) + (y ?? [])  // rows × count
        let count = vectors.count / n
        var out = [Double](repeating: 0, count: count * n)
        var t: [Double] = []
        let projected = pass(projecting) { first, block in
            let width = block.columns
            guard width > 0, count > 0 else { return }
            if t.count < count * width { t = [Double](repeating: 0, count: count * width) }
            block.storage.withUnsafeBufferPointer { pb in
                vectors.withUnsafeBufferPointer { pp in
                    t.withUnsafeMutableBufferPointer { pt in
                        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(width), Int32(count), Int32(n), 1,
                                    pb.baseAddress, Int32(n), pp.baseAddress, Int32(n), 0, pt.baseAddress, Int32(width))
                    }
                }
            }
            if v != nil {
                for j in 0..<width { t[j] = x[first + j] - t[j] }
            }
            block.storage.withUnsafeBufferPointer { pb in
                t.withUnsafeBufferPointer { pt in
                    out.withUnsafeMutableBufferPointer { po in
                        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(count), Int32(width), 1,
                                    pb.baseAddress, Int32(n), pt.baseAddress, Int32(width), 1, po.baseAddress, Int32(n))
                    }
                }
            }
        }
        if projecting != nil { projection = projected }
        return out
    }
}
