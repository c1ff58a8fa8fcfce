import Foundation
import LinearAlgebra

/// Measures one point with linear features trained by an iterative solver (gd, nesterov, sgd).
/// gd and nesterov run in the reduced space (G = W_S R, cost per step O(N·r), independent of D
/// and M); sgd visits the samples one by one (cost per epoch ∝ D·k̄·N for sparse data).
public enum IterativePointEvaluator {
    /// The outcome of `plan` (route `reducedIterative` or `sampleSGD`) together with the solver's run and loss curve. The curve
    /// records the empirical loss every `recordEvery` iterations and the population loss every
    /// `populationEvery` iterations (0: never).
    public static func evaluate(
        _ plan: PointPlan, recordEvery: Int = 0, populationEvery: Int = 0,
        threads: Int = ParallelChunks.defaultThreads
    ) throws -> (outcome: PointOutcome, run: IterativeSolution) {
        let specification = plan.specification
        var clock = PhaseClock()
        let instance = try TrainingInstance(specification, threads: threads)
        let parameters = specification.parameters
        let population: @Sendable ([Double]) -> Double = { v in
            PopulationLoss.observedPart(
                parameters: parameters, coordinates: instance.observed, embedding: instance.embedding,
                teacher: instance.teacher, readout: v)
                + PopulationLoss.expectedTail(parameters: parameters, observed: instance.observed, readout: v)
        }
        let recording = CurveRecording(every: recordEvery, populationEvery: populationEvery, populationLoss: population)
        let settings = specification.optimization
        let limits = IterationLimits(gradientTolerance: settings.gradientTolerance, maxIterations: settings.maxIterations)
        let run: IterativeSolution
        var rank = 0
        switch specification.solver {
        case .gd, .nesterov:
            let problem = try ReadoutLeastSquaresProblem.reduced(
                secondMoment: instance.secondMoment(), embedding: instance.embedding,
                teacher: instance.teacher, labels: instance.labels(),
                labelNoise: specification.labelNoise == 0 ? nil : .drawn(plan.labelNoise))
            // F = W_S X_S has the rank of G = W_S R (N × r, r = rank X_S): min(N, r) for Gaussian W.
            rank = min(problem.featureCount, problem.features.columns)
            if specification.solver == .gd {
                run = GradientDescent(stepSize: settings.stepSize, limits: limits).solve(problem, recording: recording)
            } else {
                run = NesterovAcceleratedGradient(stepSize: settings.stepSize, limits: limits).solve(problem, recording: recording)
            }
        case .sgd:
            let sgd = StochasticGradientDescent(
                stepSize: settings.stepSize, batchSize: settings.batchSize, limits: limits, seed: specification.seed)
            switch instance.samples {
            case let .sparse(sparse):
                run = sgd.solve(
                    SparseLinearFeatureSamples(embedding: instance.embedding, samples: sparse, labels: instance.noisyLabels()),
                    recording: recording)
            case let .dense(dense):
                let f = BLAS.product(instance.embedding, dense.samples)
                run = sgd.solve(DenseFeatureSamples(features: f, labels: instance.noisyLabels()), recording: recording)
            case .sublinear:
                preconditionFailure("checkSolverCombination refuses the iterative solvers with the sublinear sampler")
            }
            // The rank of F = W_S X_S: min(N, rank X_S), rank X_S from the same pivoted factor of A = X_S X_Sᵀ.
            rank = min(specification.featureCount, try SecondMomentFactor.factor(instance.secondMoment(), method: .pivotedCholesky).columns)
        default:
            preconditionFailure("IterativePointEvaluator runs gd, nesterov and sgd; PointEvaluator sends \(specification.solver) elsewhere")
        }
        if run.stoppingReason == .diverged {
            throw TrainingDivergence.diverged(solver: specification.solver.rawValue, stepSize: run.stepSize, iterations: run.iterations)
        }
        var outcome = PointOutcome.linear(instance: instance, readout: run.readout, rank: rank, clock: &clock, threads: threads)
        outcome.convergence = Convergence(run)
        return (outcome, run)
    }
}

/// Training that diverged: the loss grew without bound.
public enum TrainingDivergence: Error, CustomStringConvertible, Sendable, Equatable {
    /// The loss grew without bound.
    case diverged(solver: String, stepSize: Double, iterations: Int)

    public var description: String {
        switch self {
        case let .diverged(solver, eta, k):
            if solver == "online" {
                return "online SGD diverged by step \(k) with step \(eta) (non-finite error or loss above \(OnlineGradientDescent.divergenceFactor) × that of v = 0); lower the step size η"
            }
            return "\(solver) diverged after \(k) iterations with step \(eta) (η·λ_max(F Fᵀ/D) > 2); lower the step size η"
        }
    }
}
