import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// Label noise (docs/theory.md §7.1): the reduced solver with z = R⁺X_S ε equals the dense pseudoinverse
/// of y + σε exactly; with its own z it agrees in distribution; σ = 0 changes nothing.
@Suite struct LabelNoiseTests {
    /// Small instances on both sides of the interpolation threshold, β > 1 and β ≤ 1, ridge 0 and > 0.
    static let cases: [(alpha: Double, beta: Double, m: InputDimension, n: Int, d: Int, ridge: Double)] = [
        (0, 2, .infinite, 3, 40, 0), (0, 2, .infinite, 12, 40, 0), (0, 2, .infinite, 60, 30, 0),
        (0.5, 1.5, .infinite, 30, 60, 0), (-0.5, 2.5, .infinite, 90, 25, 0), (0.5, 0.5, .finite(60), 20, 50, 0),
        (0, 1, .finite(120), 8, 120, 0), (0, 2, .infinite, 20, 30, 1e-3), (0.5, 0.5, .finite(60), 50, 20, 0.1),
    ]

    /// y F⁺ (or the ridge solution) with F = W_S X_S and y = w*_Sᵀ X_S + σε, by the dense SVD route.
    static func denseReadout(_ instance: TrainingInstance, noise: [Double], scale: Double, ridge: Double) throws -> [Double] {
        let y = zip(instance.labels(), noise).map { $0 + scale * $1 }
        return try DirectMinimumNormSolver(ridge: ridge).solve(
            embedding: instance.embedding, samples: instance.observedSamples(), labels: y
        ).weights
    }

    @Test(arguments: Array(cases.indices))
    func reducedEqualsDensePseudoinverseWithTheSameNoise(index: Int) throws {
        let c = Self.cases[index]
        let parameters = try DataParameters(alpha: c.alpha, beta: c.beta, inputDimension: c.m)
        let sigma = 0.3
        let spec = PointSpecification(parameters: parameters, featureCount: c.n, sampleCount: c.d, ridge: c.ridge, seed: UInt64(500 + index), labelNoise: sigma)
        let instance = try TrainingInstance(spec, threads: 1)
        let sparse = try #require(instance.sparseSamples)
        let epsilon = LabelNoise(scale: sigma, seed: spec.seed).sampleNoises(count: c.d)
        let reference = try Self.denseReadout(instance, noise: epsilon, scale: sigma, ridge: c.ridge)
        let noiseless = try Self.denseReadout(instance, noise: epsilon, scale: 0, ridge: c.ridge)
        #expect(relativeDifference(reference, noiseless) > 1e-3, "the noise must matter in case \(index)")
        let moment = sparse.observedMoment(epsilon.map { sigma * $0 })
        for method in SecondMomentFactorization.allCases {
            var solver = ReducedMinimumNormSolver(factorization: method, sparseFactor: false, ridge: c.ridge)
            solver.labelNoise = .projected(sampleMoment: moment)
            let v = try solver.solve(
                secondMoment: instance.secondMoment(), embedding: instance.embedding, teacher: instance.teacher, sampleCount: c.d
            ).weights
            #expect(relativeDifference(v, reference) < 1e-9, "dense factor \(method), case \(index)")
        }
        var sparseSolver = ReducedMinimumNormSolver(ridge: c.ridge)
        sparseSolver.labelNoise = .projected(sampleMoment: moment)
        let v = try sparseSolver.solve(samples: sparse, embedding: instance.embedding, teacher: instance.teacher).weights
        #expect(relativeDifference(v, reference) < 1e-9, "sparse factor, case \(index)")
        // The direct path of the point evaluator draws the same ε from the noise stream.
        var direct = spec
        direct.solver = .direct
        let m = parameters.inputDimension.finiteValue
        if m == nil {
            #expect(relativeDifference(try PointEvaluator.evaluate(direct, streamingBytes: .infinity).readout, reference) < 1e-9)
        } else {
            // Finite M: the direct path uses all M columns (the unobserved ones have zero data).
            #expect(relativeDifference(try PointEvaluator.evaluate(direct, streamingBytes: .infinity).readout, reference) < 1e-8)
        }
    }

    @Test func drawnNoiseAgreesInDistributionWithPerSampleNoise() throws {
        // Paired over seeds: the same data, embedding and teacher; the reduced solver adds its own z,
        // the direct one the per-sample ε. The excess losses must have the same mean (z-test) and
        // the same spread. N = 8 ≪ K keeps every moment finite.
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        var differences: [Double] = [], reduced: [Double] = [], direct: [Double] = []
        for seed in 0..<300 {
            let spec = PointSpecification(parameters: parameters, featureCount: 8, sampleCount: 400, seed: UInt64(seed), labelNoise: 0.5)
            var d = spec
            d.solver = .direct
            let a = try PointEvaluator.evaluate(spec, streamingBytes: .infinity).loss
            let b = try PointEvaluator.evaluate(d, streamingBytes: .infinity).loss
            reduced.append(a)
            direct.append(b)
            differences.append(a - b)
        }
        let count = Double(differences.count)
        let mean = differences.reduce(0, +) / count
        let sd = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot()
        let z = mean / (sd / count.squareRoot())
        #expect(abs(z) < 4, "z = \(z)")
        #expect(sd > 0)
        // The noise raises the loss above the noiseless one on average (by ≈ σ²·N/D-scale terms).
        let clean = try (0..<300).map { seed in
            try PointEvaluator.evaluate(PointSpecification(parameters: parameters, featureCount: 8, sampleCount: 400, seed: UInt64(seed)), streamingBytes: .infinity).loss
        }
        #expect(reduced.reduce(0, +) > clean.reduce(0, +))
    }

    @Test func iterativeAndReLUSolversSeeTheNoise() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        var spec = PointSpecification(parameters: parameters, featureCount: 6, sampleCount: 60, seed: 7, labelNoise: 0.2)
        // gd and nesterov factor A densely (pivoted Cholesky), so z is drawn in that factor's basis.
        let instance = try TrainingInstance(spec, threads: 1)
        var reducedSolver = ReducedMinimumNormSolver(sparseFactor: false)
        reducedSolver.labelNoise = .drawn(instance.labelNoise)
        let exact = try reducedSolver.solve(
            secondMoment: instance.secondMoment(), embedding: instance.embedding, teacher: instance.teacher, sampleCount: 60)
        for solver in [SolverKind.gd, .nesterov] {
            spec.solver = solver
            spec.optimization = OptimizationSettings(gradientTolerance: 1e-13, maxIterations: 200_000)
            let run = try IterativePointEvaluator.evaluate(try PointPlan(spec))
            // gd and nesterov run in the reduced space with the same drawn z as the exact solver.
            #expect(relativeDifference(run.outcome.readout, exact.weights) < 1e-6, "\(solver)")
            #expect(run.outcome.testLoss == run.outcome.loss + 0.2 * 0.2)
        }
        spec.solver = .sgd
        spec.optimization = OptimizationSettings(gradientTolerance: 1e-9, maxIterations: 20_000, batchSize: 60)
        let sgd = try IterativePointEvaluator.evaluate(try PointPlan(spec)).outcome
        var direct = spec
        direct.solver = .direct
        direct.optimization = OptimizationSettings()
        let directOutcome = try PointEvaluator.evaluate(direct, streamingBytes: .infinity)
        // sgd sees the per-sample ε of the direct solver.
        #expect(relativeDifference(sgd.readout, directOutcome.readout) < 1e-3)
        var relu = spec
        relu.features = .relu
        relu.solver = .direct
        relu.optimization = OptimizationSettings(testSamples: 256)
        var reluClean = relu
        reluClean.labelNoise = 0
        let noisy = try PointEvaluator.evaluate(relu)
        let clean = try PointEvaluator.evaluate(reluClean)
        #expect(relativeDifference(noisy.readout, clean.readout) > 1e-3)
        #expect(noisy.testLoss == noisy.loss + 0.2 * 0.2)
    }

    @Test func noiselessKeysAreUnchangedAndNoisyKeysDiffer() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        let clean = PointSpecification(parameters: parameters, featureCount: 16, sampleCount: 256)
        #expect(clean.storeConfiguration.key == "alpha=0.0;beta=2.0;m=inf;n=16;d=256;data=sparse;features=linear;solver=reduced;ridge=0.0;tail=expected;tolerance=default;extra=")
        var noisy = clean
        noisy.labelNoise = 0.1
        #expect(noisy.storeConfiguration.key.hasSuffix(";extra=noise%3D0.1"))
        #expect(throws: ParameterError.self) {
            var bad = clean
            bad.labelNoise = -1
            try bad.validate()
        }
        #expect(throws: ParameterError.self) {
            var bad = clean
            bad.labelNoise = .nan
            try bad.validate()
        }
    }

    @Test func zeroNoiseIsBitForBitTheNoiselessPath() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        let spec = PointSpecification(parameters: parameters, featureCount: 16, sampleCount: 256, seed: 3)
        let instance = try TrainingInstance(spec, threads: 1)
        let plain = try ReducedMinimumNormSolver().solve(samples: instance.sparseSamples!, embedding: instance.embedding, teacher: instance.teacher)
        let evaluated = try PointEvaluator.evaluate(spec, streamingBytes: .infinity)
        #expect(plain.weights.map(\.bitPattern) == evaluated.readout.map(\.bitPattern))
        #expect(evaluated.testLoss.bitPattern == evaluated.loss.bitPattern)
        #expect(evaluated.storeResult.extras.isEmpty)
    }
}
