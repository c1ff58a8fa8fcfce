import Foundation
import LinearAlgebra

/// Measures one point with linear features: draws the instance, trains the readout with the
/// requested solver, and evaluates the exact population loss.
public enum LinearPointEvaluator {
    /// The outcome of `specification` (which must be valid and use linear features).
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try evaluateKeepingInstance(specification, threads: threads).outcome
    }

    /// The outcome together with the realized training instance (for export and inspection). With
    /// `perSampleNoise`, the reduced solver's label noise is z = R⁺X_S σε built from the per-sample ε
    /// (the labels `instance.noisyLabels()` exactly) instead of its own stream.
    public static func evaluateKeepingInstance(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads, perSampleNoise: Bool = false
    ) throws -> (outcome: PointOutcome, instance: TrainingInstance) {
        try specification.validate()
        var clock = PhaseClock()
        let instance = try TrainingInstance(specification, threads: threads)
        let solution = try train(instance, perSampleNoise: perSampleNoise)
        let outcome = PointOutcome.linear(
            instance: instance, readout: solution.weights, rank: solution.rank, clock: &clock, threads: threads)
        try outcome.checkFinite(specification)
        return (outcome, instance)
    }

    /// Trains the readout of `instance` with its specification's solver.
    static func train(_ instance: TrainingInstance, perSampleNoise: Bool = false) throws -> ReadoutSolution {
        let spec = instance.specification
        switch spec.solver {
        case .reduced:
            var solver = ReducedMinimumNormSolver(ridge: spec.ridge, relativeTolerance: spec.tolerance)
            solver.labelNoise = ReducedTargetNoise.drawn(scale: spec.noise, seed: spec.seed)
            if perSampleNoise, spec.noise != 0 {
                let e = instance.labelNoise.sampleNoises(count: spec.sampleCount).map { spec.noise * $0 }
                switch instance.samples {
                case let .sparse(set): solver.labelNoise = .projected(sampleMoment: set.observedMoment(e))
                case let .dense(set): solver.labelNoise = .projected(sampleMoment: BLAS.multiply(set.samples, e))
                case .sublinear:
                    throw ParameterError.incompatible(
                        parameter: .sampler, value: "sublinear", allowed: "per-sample", other: .labelNoise,
                        otherValue: String(spec.noise), reason: "per-sample noise needs the samples themselves")
                }
            }
            switch instance.samples {
            case let .sparse(samples):
                return try solver.solve(samples: samples, embedding: instance.embedding, teacher: instance.teacher)
            case let .sublinear(set):
                return try solver.solve(
                    samples: set.columns, embedding: instance.embedding, teacher: instance.teacher,
                    sampleCount: spec.sampleCount)
            case .dense:
                break
            }
            return try solver.solve(
                secondMoment: instance.secondMoment(), embedding: instance.embedding,
                teacher: instance.teacher, sampleCount: spec.sampleCount)
        case .gd, .nesterov, .sgd, .online:
            preconditionFailure("LinearPointEvaluator runs the exact solvers; PointEvaluator sends \(spec.solver) elsewhere")
        case .direct:
            let solver = DirectMinimumNormSolver(ridge: spec.ridge, relativeTolerance: spec.tolerance)
            if case let .sparse(samples) = instance.samples, let m = spec.parameters.inputDimension.finiteValue {
                // The paper's method: every one of the M columns enters F = W X explicitly.
                let all = Array(1...m)
                let w = RandomEmbedding(featureCount: spec.featureCount, seed: spec.seed).columns(all)
                let x = samples.denseFull(inputDimension: m)
                let y = BLAS.multiply(x, Teacher(seed: spec.seed).weights(all), trans: .transposed)
                return try solver.solve(embedding: w, samples: x, labels: instance.labelNoise.noisy(labels: y))
            }
            return try solver.solve(embedding: instance.embedding, samples: instance.observedSamples(), labels: instance.noisyLabels())
        }
    }
}
