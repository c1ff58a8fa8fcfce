import LinearAlgebra

/// The training labels an export writes: per-sample labels y = w*_Sᵀ X_S + σε′ whose noise ε′ ~ N(0, I_D)
/// projects onto the row space of X_S exactly as the reduced route's targets noise σz does, so that
/// v = y F⁺ recomputed from the files is the readout `point` trains (docs/theory.md §7.1).
enum ExportedLabels {
    /// The labels of `instance` trained along `plan`'s route (`reducedInMemory` or `direct`).
    static func labels(_ instance: TrainingInstance, plan: PointPlan) throws -> [Double] {
        let noise = plan.labelNoise
        guard plan.route == .reducedInMemory, noise.scale != 0 else { return instance.noisyLabels() }
        // X = R Q with Q = R⁺X (r × D, orthonormal rows). ε′ = Qᵀz + (I − QᵀQ)ε has covariance I and
        // Q ε′ = z, so y′F⁺ = (c + σz)(W_S R)⁺: the reduced route's readout.
        let solver = LinearPointEvaluator.reducedSolver(plan)
        let r: Matrix
        let moment: ([Double]) -> [Double]
        let transposeTimes: ([Double]) -> [Double]
        switch instance.samples {
        case let .sparse(set):
            r = try solver.factorMatrix(samples: set)
            moment = { set.observedMoment($0) }
            transposeTimes = { set.labels(weights: $0) }
        case let .dense(set):
            r = try solver.factorMatrix(secondMoment: instance.secondMoment())
            moment = { BLAS.multiply(set.samples, $0) }
            transposeTimes = { BLAS.multiply(set.samples, $0, trans: .transposed) }
        case .sublinear:
            preconditionFailure("export refuses the sublinear sampler: it draws no samples")
        }
        let tolerance = Pseudoinverse.defaultTolerance(rows: r.rows, columns: r.columns)
        let z = noise.reducedNoise(rank: r.columns)
        let e = noise.sampleNoises(count: plan.specification.sampleCount)
        // u = zᵀR⁺ and u₂ = (Qε)ᵀR⁺ with Qε = R⁺(Xε): then ε′ = ε + Xᵀ(u − u₂).
        let u = try Pseudoinverse.rowTimesPseudoinverseBySVD(z, r, relativeTolerance: tolerance).solution
        let qe = try Pseudoinverse.rowTimesPseudoinverseBySVD(moment(e), r.transposed, relativeTolerance: tolerance).solution
        let u2 = try Pseudoinverse.rowTimesPseudoinverseBySVD(qe, r, relativeTolerance: tolerance).solution
        let shift = transposeTimes(zip(u, u2).map { $0 - $1 })
        let clean = instance.labels()
        return clean.indices.map { clean[$0] + noise.scale * (e[$0] + shift[$0]) }
    }
}
