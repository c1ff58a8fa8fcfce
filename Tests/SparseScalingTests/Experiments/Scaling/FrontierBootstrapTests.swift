import Foundation
import Testing
@testable import SparseScaling

/// The compute frontier's seed bootstrap on synthetic curves with a known exponent.
@Suite struct FrontierBootstrapTests {
    /// Fixed-N curves L = C^(−a)·(1 + noise) with seed-dependent multiplicative noise of relative size `noise`.
    func curves(exponent a: Double, noise: Double, seeds: Int) throws -> [[MeasuredPoint]] {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        var stream = RandomStream(seed: 7, purpose: .testData, index: 0)
        return [8, 16, 32, 64].map { n in
            (4...12).map { 1 << $0 }.map { d in
                let c = FrontierExperiment.compute(n: n, d: d)
                // Each curve flattens once D ≫ N (a plateau), so only the envelope follows C^(−a).
                let base = pow(c, -a) + pow(Double(n), -3 * a)
                let losses = (0..<seeds).map { _ in base * (1 + noise * stream.normal()) }
                let spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: d)
                return MeasuredPoint(specification: spec, losses: losses, meanObservedCoordinates: 0, meanSeconds: 0)
            }
        }
    }

    @Test func bootstrapSpreadGrowsWithNoiseAndVanishesWithout() throws {
        let exact = FrontierResult(alpha: 0, beta: 2, configuration: .preset(.quick), curves: try curves(exponent: 0.5, noise: 0, seeds: 8))
        let noisy = FrontierResult(alpha: 0, beta: 2, configuration: .preset(.quick), curves: try curves(exponent: 0.5, noise: 0.3, seeds: 8))
        let single = FrontierResult(alpha: 0, beta: 2, configuration: .preset(.quick), curves: try curves(exponent: 0.5, noise: 0.3, seeds: 1))
        #expect(try #require(exact.seedBootstrapStandardError) < 1e-12)
        let spread = try #require(noisy.seedBootstrapStandardError)
        #expect(spread > 1e-3)
        #expect(single.seedBootstrapStandardError == nil)
        let interval = try #require(noisy.lossExponentInterval)
        #expect(interval.lower < noisy.lossExponent! && noisy.lossExponent! < interval.upper)
    }
}
