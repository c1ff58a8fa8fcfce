import Foundation
import LinearAlgebra

/// Measures one point with linear features and an exact solver (reduced in memory, or the direct
/// pseudoinverse): draws the instance, trains the readout, and evaluates the exact population loss.
public enum LinearPointEvaluator {
    /// The outcome of `plan` (route `reducedInMemory` or `direct`).
    public static func evaluate(_ plan: PointPlan, threads: Int = ParallelChunks.defaultThreads) throws -> PointOutcome {
        try evaluateKeepingInstance(plan, threads: threads).outcome
    }

    /// The outcome together with the realized training instance (for export and inspection).
    public static func evaluateKeepingInstance(
        _ plan: PointPlan, threads: Int = ParallelChunks.defaultThreads
    ) throws -> (outcome: PointOutcome, instance: TrainingInstance) {
        precondition(plan.route == .reducedInMemory || plan.route == .direct, "LinearPointEvaluator runs the exact in-memory routes")
        var clock = PhaseClock()
        let instance = try TrainingInstance(plan.specification, threads: threads)
        let solution = try train(instance, plan: plan)
        let outcome = PointOutcome.linear(
            instance: instance, readout: solution.weights, rank: solution.rank, clock: &clock, threads: threads)
        try outcome.checkFinite(plan.specification)
        return (outcome, instance)
    }

    /// The reduced solver of `plan`: its ridge, tolerance and label noise (σz added to the targets).
    static func reducedSolver(_ plan: PointPlan) -> ReducedMinimumNormSolver {
        let spec = plan.specification
        var solver = ReducedMinimumNormSolver(ridge: spec.ridge, relativeTolerance: spec.tolerance)
        solver.labelNoise = spec.labelNoise == 0 ? nil : .drawn(plan.labelNoise)
        return solver
    }

    /// Trains the readout of `instance` with `plan`'s exact solver.
    static func train(_ instance: TrainingInstance, plan: PointPlan) throws -> ReadoutSolution {
        let spec = plan.specification
        switch spec.solver {
        case .reduced:
            let solver = reducedSolver(plan)
            switch instance.samples {
            case let .sparse(samples):
                return try solver.solve(samples: samples, embedding: instance.embedding, teacher: instance.teacher)
            case let .sublinear(set):
                return try solver.solve(
                    samples: set.columns, embedding: instance.embedding, teacher: instance.teacher,
                    sampleCount: spec.sampleCount)
            case .dense:
                return try solver.solve(
                    secondMoment: instance.secondMoment(), embedding: instance.embedding,
                    teacher: instance.teacher, sampleCount: spec.sampleCount)
            }
        case .direct:
            let solver = DirectMinimumNormSolver(ridge: spec.ridge, relativeTolerance: spec.tolerance)
            if case let .sparse(samples) = instance.samples, let m = spec.parameters.inputDimension.finiteValue {
                // The paper's method: every one of the M columns enters F = W X explicitly.
                let all = Array(1...m)
                let w = RandomEmbedding(featureCount: spec.featureCount, seed: spec.seed).columns(all)
                let x = samples.denseFull(inputDimension: m)
                let y = BLAS.multiply(x, Teacher(seed: spec.seed).weights(all), trans: .transposed)
                return try solver.solve(embedding: w, samples: x, labels: plan.labelNoise.noisy(labels: y))
            }
            return try solver.solve(embedding: instance.embedding, samples: instance.observedSamples(), labels: instance.noisyLabels())
        case .gd, .nesterov, .sgd, .online:
            preconditionFailure("PointPlan routes \(spec.solver) to IterativePointEvaluator or OnlinePointEvaluator")
        }
    }
}
