import Foundation
import Testing
import LinearAlgebra
@testable import SparseScaling

/// ReLU features: training matrix and readout against brute force, Monte-Carlo loss and its SE.
@Suite struct ReLUFeatureTests {
    @Test func sparseReLUFeaturesAndReadoutMatchBruteForce() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(200))
        let spec = PointSpecification(parameters: parameters, featureCount: 15, sampleCount: 30, features: .relu, solver: .direct, seed: 2)
        let inst = try TrainingInstance(spec, threads: 1)
        // Brute force over all M coordinates: F = ReLU(W X).
        let all = Array(1...200)
        let w = RandomEmbedding(featureCount: 15, seed: 2).columns(all, threads: 1)
        var f = BLAS.product(w, inst.sparseSamples!.denseFull(inputDimension: 200))
        for i in f.storage.indices { f.storage[i] = max(0, f.storage[i]) }
        let fast = inst.reluFeatures()
        #expect(relativeDifference(fast.storage, f.storage) < 1e-13)
        let y = inst.labels()
        let fPlus = try Pseudoinverse.pseudoinverse(f, relativeTolerance: Pseudoinverse.defaultTolerance(rows: 15, columns: 30))
        let brute = (0..<15).map { j in (0..<30).reduce(0.0) { $0 + y[$1] * fPlus[$1, j] } }
        let readout = try LeastSquaresReadout.solve(features: fast, targets: y, sampleCount: 30).weights
        #expect(relativeDifference(readout, brute) < 1e-8)
    }

    @Test func monteCarloStandardErrorShrinksLikeOneOverRootT() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        var spec = PointSpecification(parameters: parameters, featureCount: 20, sampleCount: 40, features: .relu, solver: .direct, seed: 5)
        spec.optimization.testSamples = 1000
        let small = try PointEvaluator.evaluate(spec, threads: 2)
        spec.optimization.testSamples = 16000
        let large = try PointEvaluator.evaluate(spec, threads: 1)
        let ratio = small.lossStandardError! / large.lossStandardError!
        #expect(ratio > 2.5 && ratio < 6.5)  // √16 = 4
        #expect(abs(small.loss - large.loss) < 4 * small.lossStandardError!)
        // Same estimate whatever the thread count.
        let again = try PointEvaluator.evaluate(spec, threads: 2)
        #expect(again.loss == large.loss)
    }

    @Test func denseReLUAndNesterovRun() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(64))
        var spec = PointSpecification(parameters: parameters, featureCount: 60, sampleCount: 20, data: .dense, features: .relu, solver: .direct, seed: 1)
        spec.optimization = OptimizationSettings(testSamples: 512)
        let direct = try PointEvaluator.evaluate(spec, threads: 1)
        spec.solver = .nesterov
        spec.optimization = OptimizationSettings(gradientTolerance: 1e-12, maxIterations: 200_000, testSamples: 512)
        let nesterov = try PointEvaluator.evaluate(spec, threads: 1)
        #expect(direct.lossStandardError != nil)
        #expect(abs(direct.loss - nesterov.loss) < 1e-3 * direct.loss)
    }
}
