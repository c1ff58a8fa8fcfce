import Testing
@testable import SparseScaling

/// The expected-tail estimator has the mean of the realized tail, with lower variance.
@Suite struct TailEstimatorTests {
    /// Far from the interpolation threshold (N = 8 ≪ K), so that ‖v‖ stays moderate and the paired
    /// differences have a light enough tail for a 4-standard-error test over 400 seeds.
    @Test func expectedAndRealizedTailsAgreeInMean() throws {
        let parameters = try DataParameters(alpha: 0.3, beta: 1.5, inputDimension: .finite(400))
        var differences: [Double] = []
        for seed in 0..<400 {
            var spec = PointSpecification(parameters: parameters, featureCount: 8, sampleCount: 100, tail: .expected, seed: UInt64(seed))
            let expected = try LinearPointEvaluator.evaluate(spec, threads: 1)
            spec.tail = .realized
            let realized = try LinearPointEvaluator.evaluate(spec, threads: 1)
            #expect(expected.lossObserved == realized.lossObserved)
            differences.append(realized.lossTail - expected.lossTail)
        }
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        let sd = (differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        // Paired difference: zero mean within 4 standard errors.
        #expect(abs(mean) <= 4 * sd / n.squareRoot())
    }

    @Test func unobservedVarianceMatchesDirectSummation() throws {
        let parameters = try DataParameters(alpha: 0.2, beta: 1.1, inputDimension: .finite(300_000))
        let observed = [1, 2, 3, 7, 50, 1000, 70_000, 250_000]
        var direct = 0.0
        for i in stride(from: 300_000, through: 1, by: -1) where !observed.contains(i) {
            direct += parameters.marginalVariance(i)
        }
        let fast = UnobservedVariance.sum(parameters: parameters, observed: observed)
        #expect(abs(fast - direct) <= 1e-12 * direct)
        let infinite = try DataParameters(alpha: 0, beta: 2)
        // ζ(3) − 1 − 2^-3: coordinates 1 and 2 observed.
        let zeta3 = 1.2020569031595942
        #expect(abs(UnobservedVariance.sum(parameters: infinite, observed: [1, 2]) - (zeta3 - 1.125)) < 1e-14)
    }
}
