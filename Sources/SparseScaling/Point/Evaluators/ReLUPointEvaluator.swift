import Foundation
import LinearAlgebra

/// Measures one point with ReLU features f = ReLU(W x): trains on F = ReLU(W_S X_S) by the
/// pseudoinverse (solver `direct`) or by Nesterov/GD/SGD, and estimates the population loss by
/// Monte Carlo on fresh test samples (mean and standard error).
public enum ReLUPointEvaluator {
    /// The outcome of `plan` (route `relu`: solver direct, nesterov, gd or sgd).
    public static func evaluate(_ plan: PointPlan, threads: Int = ParallelChunks.defaultThreads) throws -> PointOutcome {
        let specification = plan.specification
        var clock = PhaseClock()
        let instance = try TrainingInstance(specification, threads: threads)
        let f = instance.reluFeatures()
        let y = instance.noisyLabels()
        let settings = specification.optimization
        let limits = IterationLimits(gradientTolerance: settings.gradientTolerance, maxIterations: settings.maxIterations)
        let v: [Double]
        let rank: Int
        var convergence: Convergence? = nil
        switch specification.solver {
        case .direct:
            let solution = try LeastSquaresReadout.solve(
                features: f, targets: y, sampleCount: specification.sampleCount, ridge: specification.ridge,
                relativeTolerance: specification.tolerance)
            v = solution.weights
            rank = solution.rank
        case .nesterov, .gd, .sgd:
            let run: IterativeSolution
            switch specification.solver {
            case .nesterov:
                run = NesterovAcceleratedGradient(stepSize: settings.stepSize, limits: limits).solve(try .compressed(features: f, labels: y))
            case .gd:
                run = GradientDescent(stepSize: settings.stepSize, limits: limits).solve(try .compressed(features: f, labels: y))
            default:
                run = StochasticGradientDescent(
                    stepSize: settings.stepSize, batchSize: settings.batchSize, limits: limits, seed: specification.seed
                ).solve(DenseFeatureSamples(features: f, labels: y))
            }
            if run.stoppingReason == .diverged {
                throw TrainingDivergence.diverged(solver: specification.solver.rawValue, stepSize: run.stepSize, iterations: run.iterations)
            }
            v = run.readout
            convergence = Convergence(run)
            rank = min(specification.featureCount, specification.sampleCount)
        case .reduced, .online:
            preconditionFailure("checkSolverCombination refuses the reduced and online solvers with ReLU features")
        }
        let estimate = testLoss(instance: instance, readout: v, threads: threads)
        let seconds = clock.lap()
        // The Monte-Carlo loss is not split into observed and tail parts: all of it is reported as observed.
        var outcome = PointOutcome(
            loss: LossParts(observed: estimate.mean, tail: 0), observedCoordinates: instance.observedCount,
            rank: rank, seconds: seconds, readout: v, lossStandardError: estimate.standardError,
            labelNoiseVariance: specification.labelNoiseVariance)
        outcome.convergence = convergence
        return outcome
    }

    /// The Monte-Carlo test loss of readout `v` on `instance`'s model.
    public static func testLoss(
        instance: TrainingInstance, readout v: [Double], threads: Int = ParallelChunks.defaultThreads
    ) -> MonteCarloEstimate {
        let spec = instance.specification
        let t = spec.optimization.testSamples
        switch spec.data {
        case .sparse:
            return MonteCarloTestLoss.sparse(
                parameters: spec.parameters, seed: spec.seed, observed: instance.observed,
                embedding: instance.embedding, readout: v, testSamples: t, threads: threads)
        case .dense:
            return MonteCarloTestLoss.dense(
                parameters: spec.parameters, seed: spec.seed, embedding: instance.embedding,
                teacher: instance.teacher, readout: v, testSamples: t, threads: threads)
        }
    }
}
