import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// The ReLU Monte-Carlo test loss against a brute force over all M coordinates (full W and w*, dense
/// test samples), and the Nesterov readout against the pseudoinverse's.
@Suite struct ReLUBruteForceLossTests {
    /// The mean of (v·ReLU(W x) − w*·x)² over the evaluator's test samples, computed with the full
    /// N × M embedding, all M teacher weights and dense test samples; with `dropUnseen`, coordinates
    /// outside `observed` are zeroed in the test samples (what a loss that forgets them would compute).
    static func bruteForceLoss(_ spec: PointSpecification, readout v: [Double], observed: [Int], dropUnseen: Bool = false) -> Double {
        let m = spec.parameters.inputDimension.finiteValue!
        let w = RandomEmbedding(featureCount: spec.featureCount, seed: spec.seed).columns(Array(1...m), threads: 1)
        let teacher = Teacher(seed: spec.seed)
        let wStar = (1...m).map { teacher.weight($0) }
        let t = spec.optimization.testSamples
        let test = SparseTrainingSet(
            sampler: SparseSampler(parameters: spec.parameters, seed: spec.seed, purpose: .testData), sampleCount: t, threads: 1)
        var x = test.denseFull(inputDimension: m)  // M × T
        if dropUnseen {
            let seen = Set(observed)
            for i in 1...m where !seen.contains(i) {
                for s in 0..<t { x[i - 1, s] = 0 }
            }
        }
        var f = BLAS.product(w, x)  // N × T
        for e in f.storage.indices { f.storage[e] = max(0, f.storage[e]) }
        var total = 0.0
        for s in 0..<t {
            var prediction = 0.0
            for k in 0..<spec.featureCount { prediction += v[k] * f[k, s] }
            var label = 0.0
            for i in 0..<m { label += wStar[i] * x[i, s] }
            total += (prediction - label) * (prediction - label)
        }
        return total / Double(t)
    }

    /// Same test samples, so the two computations agree to rounding; the unseen coordinates carry a
    /// large share of the loss here (β = 1.3, D = 40), so forgetting them is far outside the tolerance.
    @Test(arguments: [(0.0, 1.3, 300, 24, 40), (0.5, 0.8, 200, 50, 30), (-0.4, 2.0, 400, 10, 120)])
    func monteCarloLossEqualsBruteForce(alpha: Double, beta: Double, m: Int, n: Int, d: Int) throws {
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(m))
        var spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: d, features: .relu, solver: .direct, seed: 4)
        spec.optimization.testSamples = 1500
        let outcome = try PointEvaluator.evaluate(spec, threads: 2)
        let instance = try TrainingInstance(spec, threads: 1)
        let brute = Self.bruteForceLoss(spec, readout: outcome.readout, observed: instance.observed)
        #expect(abs(outcome.loss - brute) <= 1e-10 * brute, "Monte Carlo \(outcome.loss), brute force \(brute)")
        #expect(outcome.lossObserved == outcome.loss && outcome.lossTail == 0)
        // The check has power: on the same test samples, leaving out unseen coordinates changes the loss by
        // far more than the 1e-10 tolerance.
        let forgetful = Self.bruteForceLoss(spec, readout: outcome.readout, observed: instance.observed, dropUnseen: true)
        #expect(abs(forgetful - brute) > 1e-3 * brute, "unseen share \(1 - forgetful / brute)")
    }

    /// Nesterov with adaptive restart from v = 0 reaches the minimum-norm readout (N > D) or the least-squares
    /// readout (N < D) of the pseudoinverse: readouts within 1e-6 relative, losses within 1e-8 relative.
    @Test(arguments: [(DataKind.dense, 60, 20), (.sparse, 40, 25), (.sparse, 12, 60)])
    func nesterovReachesThePseudoinverseReadout(data: DataKind, n: Int, d: Int) throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(64))
        var spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: d, data: data, features: .relu, solver: .direct, seed: 1)
        spec.optimization = OptimizationSettings(testSamples: 512)
        let direct = try PointEvaluator.evaluate(spec, threads: 1)
        spec.solver = .nesterov
        spec.optimization = OptimizationSettings(gradientTolerance: 1e-12, maxIterations: 200_000, testSamples: 512)
        let nesterov = try PointEvaluator.evaluate(spec, threads: 1)
        let readoutError = relativeDifference(nesterov.readout, direct.readout)
        let lossError = abs(direct.loss - nesterov.loss) / direct.loss
        #expect(readoutError < 1e-6, "readout differs by \(readoutError)")
        #expect(lossError < 1e-8, "loss differs by \(lossError)")
    }
}
