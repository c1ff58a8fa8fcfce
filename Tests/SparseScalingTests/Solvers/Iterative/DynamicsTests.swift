import Testing
import LinearAlgebra
@testable import SparseScaling

/// Iterative solvers against the pseudoinverse, and the reduced space against the dense F.
@Suite struct DynamicsTests {
    /// A well-conditioned interpolation instance: dense data, few coordinates with nearly equal variances.
    static func instance(n: Int = 40, d: Int = 12, seed: UInt64 = 3) throws -> TrainingInstance {
        let parameters = try DataParameters(alpha: -0.9, beta: 1, inputDimension: .finite(10))
        return try TrainingInstance(PointSpecification(parameters: parameters, featureCount: n, sampleCount: d, data: .dense, seed: seed), threads: 1)
    }

    static func reference(_ f: Matrix, _ y: [Double]) throws -> [Double] {
        try LeastSquaresReadout.solve(features: f, targets: y, sampleCount: y.count).weights
    }

    @Test func gradientDescentAndNesterovReachThePseudoinverse() throws {
        let inst = try Self.instance()
        let f = BLAS.product(inst.embedding, inst.observedSamples())
        let y = inst.labels()
        let v = try Self.reference(f, y)
        let dense = ReadoutLeastSquaresProblem.dense(features: f, labels: y)
        let limits = IterationLimits(gradientTolerance: 1e-12, maxIterations: 200_000)
        let gd = GradientDescent(limits: limits).solve(dense)
        let nesterov = NesterovAcceleratedGradient(limits: limits).solve(dense)
        #expect(gd.stoppingReason == .converged)
        #expect(nesterov.stoppingReason == .converged)
        #expect(relativeDifference(gd.readout, v) < 1e-6)
        #expect(relativeDifference(nesterov.readout, v) < 1e-6)
        #expect(nesterov.iterations < gd.iterations)
    }

    @Test func sgdReachesThePseudoinverse() throws {
        let inst = try Self.instance(n: 30, d: 8)
        let f = BLAS.product(inst.embedding, inst.observedSamples())
        let y = inst.labels()
        let v = try Self.reference(f, y)
        let sgd = StochasticGradientDescent(batchSize: 2, limits: IterationLimits(gradientTolerance: 1e-9, maxIterations: 100_000), seed: 1)
            .solve(DenseFeatureSamples(features: f, labels: y))
        #expect(sgd.stoppingReason == .converged)
        #expect(relativeDifference(sgd.readout, v) < 1e-6)
    }

    @Test func populationLossOfIterativeSolversMatchesReduced() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        for solver in [SolverKind.nesterov, .gd] {
            var spec = PointSpecification(parameters: parameters, featureCount: 60, sampleCount: 20, solver: .reduced, seed: 9)
            let exact = try PointEvaluator.evaluate(spec, threads: 1)
            spec.solver = solver
            spec.optimization = OptimizationSettings(gradientTolerance: 1e-13, maxIterations: 400_000)
            let iterative = try PointEvaluator.evaluate(spec, threads: 1)
            #expect(abs(iterative.loss - exact.loss) <= 1e-6 * exact.loss, "\(solver)")
        }
    }

    @Test func reducedSpaceGradientDescentEqualsDenseForAFewIterations() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let spec = PointSpecification(parameters: parameters, featureCount: 25, sampleCount: 40, seed: 4)
        let inst = try TrainingInstance(spec, threads: 1)
        let y = inst.labels()
        let dense = ReadoutLeastSquaresProblem.dense(features: BLAS.product(inst.embedding, inst.observedSamples()), labels: y)
        let reduced = try ReadoutLeastSquaresProblem.reduced(
            secondMoment: inst.secondMoment(), embedding: inst.embedding, teacher: inst.teacher, labels: y)
        #expect(reduced.features.columns <= inst.observedCount)
        let eta = 1 / dense.largestCurvature()
        let limits = IterationLimits(gradientTolerance: 1e-300, maxIterations: 5)
        let every = CurveRecording(every: 1)
        let a = GradientDescent(stepSize: eta, limits: limits).solve(dense, recording: every)
        let b = GradientDescent(stepSize: eta, limits: limits).solve(reduced, recording: every)
        #expect(relativeDifference(b.readout, a.readout) < 1e-10)
        #expect(relativeDifference(b.curve.empiricalLoss, a.curve.empiricalLoss) < 1e-10)
        #expect(abs(reduced.largestCurvature() - dense.largestCurvature()) < 1e-9 * dense.largestCurvature())
    }

    @Test func unsupportedCombinationsAreRejected() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let relu = PointSpecification(parameters: parameters, featureCount: 5, sampleCount: 5, features: .relu, solver: .reduced)
        #expect(throws: ParameterError.self) { try PointEvaluator.evaluate(relu) }
        let ridge = PointSpecification(parameters: parameters, featureCount: 5, sampleCount: 5, solver: .gd, ridge: 0.1)
        #expect(throws: ParameterError.self) { try PointEvaluator.evaluate(ridge) }
    }
}
