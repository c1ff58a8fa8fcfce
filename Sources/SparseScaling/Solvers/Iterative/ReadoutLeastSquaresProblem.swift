import LinearAlgebra

/// The training objective of a readout, (1/2D)‖vF − y‖², held as (1/2D)(‖vG − t‖² + offset) for a
/// matrix G (N × P) with the same Gram matrix and cross term as F: G = F, t = y (offset 0), or, for
/// linear features, the reduced G = B = W_S R, t = c = Rᵀ w*_S with offset ‖y‖² − ‖c‖² (zero up to the
/// factorization's truncation), so iterative solvers cost O(N·r) per step whatever D and M are.
public struct ReadoutLeastSquaresProblem: Sendable {
    /// G (N × P).
    public let features: Matrix
    /// t (length P).
    public let targets: [Double]
    /// D, the number of training samples that scales the objective.
    public let sampleCount: Int
    /// ‖y‖² − ‖t‖², added to ‖vG − t‖² so that the reported loss is the empirical loss on F.
    public let offset: Double

    /// A problem from its parts.
    public init(features: Matrix, targets: [Double], sampleCount: Int, offset: Double = 0) {
        precondition(features.columns == targets.count, "one target per column of G")
        self.features = features
        self.targets = targets
        self.sampleCount = sampleCount
        self.offset = offset
    }

    /// The problem on the dense feature matrix F (N × D) with labels y.
    public static func dense(features: Matrix, labels: [Double]) -> ReadoutLeastSquaresProblem {
        ReadoutLeastSquaresProblem(features: features, targets: labels, sampleCount: labels.count)
    }

    /// The same problem compressed to N × N when D > N: with Fᵀ = Q R (thin QR), G = Rᵀ has G Gᵀ = F Fᵀ
    /// and t = (Qᵀ y)₁…N has G t = F y, so the iterates are those on F while a step costs N² instead of N·D.
    public static func compressed(features: Matrix, labels: [Double]) throws -> ReadoutLeastSquaresProblem {
        guard features.columns > features.rows else { return .dense(features: features, labels: labels) }
        let qr = try ThinQR(features.transposed, applyingTransposeTo: labels)
        let t = qr.projectedVector
        let offset = BLAS.dot(labels, labels) - BLAS.dot(t, t)
        return ReadoutLeastSquaresProblem(features: qr.r.transposed, targets: t, sampleCount: labels.count, offset: offset)
    }

    /// The reduced problem of linear features: G = W_S R, t = Rᵀ w*_S with A = X_S X_Sᵀ = R Rᵀ; with
    /// label noise, t = Rᵀ w*_S + σz (docs/theory.md §7.1) and the offset gains σ²·χ²_{D−r}, the noise energy
    /// outside the reduced space (exact in distribution). `labels` are the noiseless labels.
    public static func reduced(
        secondMoment: Matrix, embedding: Matrix, teacher: [Double], labels: [Double],
        factorization: SecondMomentFactorization = .pivotedCholesky, labelNoise: ReducedTargetNoise? = nil
    ) throws -> ReadoutLeastSquaresProblem {
        let r = try SecondMomentFactor.factor(secondMoment, method: factorization)
        let b = BLAS.product(embedding, r)
        var c = BLAS.multiply(r, teacher, trans: .transposed)
        var offset = BLAS.dot(labels, labels) - BLAS.dot(c, c)
        if let labelNoise {
            let z = try labelNoise.targetNoise(rank: r.columns) { r }
            for j in c.indices { c[j] += z[j] }
            if case .drawn(let noise) = labelNoise {
                offset += noise.scale * noise.scale * noise.unseenNoiseEnergy(rank: r.columns, sampleCount: labels.count)
            }
        }
        return ReadoutLeastSquaresProblem(features: b, targets: c, sampleCount: labels.count, offset: offset)
    }

    /// N, the readout length.
    public var featureCount: Int { features.rows }

    /// The residual vG − t (length P).
    public func residual(_ v: [Double]) -> [Double] {
        var r = BLAS.multiply(features, v, trans: .transposed)
        for j in r.indices { r[j] -= targets[j] }
        return r
    }

    /// The empirical loss (1/2D)(‖r‖² + offset) of a residual r = vG − t.
    public func loss(residual r: [Double]) -> Double {
        (BLAS.dot(r, r) + offset) / (2 * Double(sampleCount))
    }

    /// The empirical loss (1/2D)‖vF − y‖² at v.
    public func loss(_ v: [Double]) -> Double { loss(residual: residual(v)) }

    /// The gradient (1/D)(vG − t)Gᵀ of a residual r = vG − t.
    public func gradient(residual r: [Double]) -> [Double] {
        var g = BLAS.multiply(features, r)
        let scale = 1 / Double(sampleCount)
        for k in g.indices { g[k] *= scale }
        return g
    }

    /// λ_max(G Gᵀ/D) = λ_max(F Fᵀ/D), the curvature that bounds stable steps, by power iteration.
    public func largestCurvature(iterations: Int = 500, relativeTolerance: Double = 1e-10) -> Double {
        PowerIteration.largestEigenvalue(dimension: featureCount, iterations: iterations, relativeTolerance: relativeTolerance) { u in
            var w = BLAS.multiply(features, BLAS.multiply(features, u, trans: .transposed))
            let scale = 1 / Double(sampleCount)
            for k in w.indices { w[k] *= scale }
            return w
        }
    }
}
