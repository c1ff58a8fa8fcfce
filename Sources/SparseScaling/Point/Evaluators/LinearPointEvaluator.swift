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

    /// The outcome together with the realized training instance (for export and inspection).
    public static func evaluateKeepingInstance(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> (outcome: PointOutcome, instance: TrainingInstance) {
        try specification.validate()
        var clock = PhaseClock()
        let instance = TrainingInstance(specification, threads: threads)
        let solution = try train(instance)
        let outcome = PointOutcome.linear(
            instance: instance, readout: solution.weights, rank: solution.rank, clock: &clock, threads: threads)
        try outcome.checkFinite(specification)
        return (outcome, instance)
    }

    /// Trains the readout of `instance` with its specification's solver.
    static func train(_ instance: TrainingInstance) throws -> ReadoutSolution {
        let spec = instance.specification
        switch spec.solver {
        case .reduced:
            let solver = ReducedMinimumNormSolver(ridge: spec.ridge, relativeTolerance: spec.tolerance)
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
        case .gd, .nesterov, .sgd:
            preconditionFailure("LinearPointEvaluator runs the exact solvers; PointEvaluator sends \(spec.solver) elsewhere")
        case .direct:
            let solver = DirectMinimumNormSolver(ridge: spec.ridge, relativeTolerance: spec.tolerance)
            if case let .sparse(samples) = instance.samples, let m = spec.parameters.inputDimension.finiteValue {
                // The paper's method: every one of the M columns enters F = W X explicitly.
                let all = Array(1...m)
                let w = RandomEmbedding(featureCount: spec.featureCount, seed: spec.seed).columns(all)
                let x = samples.denseFull(inputDimension: m)
                return try solver.solve(embedding: w, samples: x, teacher: Teacher(seed: spec.seed).weights(all))
            }
            return try solver.solve(
                embedding: instance.embedding, samples: instance.observedSamples(), teacher: instance.teacher)
        }
    }
}
