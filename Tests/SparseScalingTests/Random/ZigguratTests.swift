import Foundation
import Testing
@testable import SparseScaling

/// The ziggurats' variates against the standard normal and exponential laws: moments, the CDF
/// (Kolmogorov–Smirnov) and the tail beyond the base layer, which has its own code path.
@Suite struct ZigguratTests {
    static func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// sup |F_n − F| of the sample against the distribution function `cdf`.
    static func kolmogorovSmirnov(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        let n = Double(sample.count)
        var ks = 0.0
        for (i, v) in sample.sorted().enumerated() {
            let f = cdf(v)
            ks = max(ks, abs(f - Double(i) / n), abs(f - Double(i + 1) / n))
        }
        return ks
    }

    @Test(arguments: [Ziggurat.normal, Ziggurat.exponential])
    func layersCloseAtTheTop(_ t: Ziggurat) {
        let n = Ziggurat.layers
        // The top layer reaches f(0) = 1 to within rounding of the published constants.
        let top = t.layerArea / t.edges[n - 1] + t.heights[n - 1]
        #expect(abs(top - 1) < 1e-9)
        // Every layer has the same area.
        for i in 1..<(n - 1) {
            let area = t.edges[i] * (t.heights[i + 1] - t.heights[i])
            #expect(abs(area / t.layerArea - 1) < 1e-9)
        }
    }

    @Test func momentsAndDistribution() {
        var rng = RandomStream(seed: 11, purpose: .testData, index: 3)
        let count = 400_000
        let x = (0..<count).map { _ in rng.normal() }
        let mean = x.reduce(0, +) / Double(count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        let fourth = x.reduce(0) { $0 + pow($1 - mean, 4) } / Double(count)
        #expect(abs(mean) < 5 / Double(count).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(count)).squareRoot())
        #expect(abs(fourth - 3) < 5 * (96 / Double(count)).squareRoot())
        let ks = Self.kolmogorovSmirnov(x) { v in Self.phi(v) }
        // The 0.1% critical value of the Kolmogorov–Smirnov statistic is 1.95/√n.
        #expect(ks < 1.95 / Double(count).squareRoot())
    }

    @Test func tailBeyondTheBase() {
        var rng = RandomStream(seed: 5, purpose: .testData, index: 8)
        let count = 2_000_000
        let r = Ziggurat.normal.tailStart
        var beyond = 0, farBeyond = 0
        for _ in 0..<count {
            let z = abs(rng.normal())
            if z > r { beyond += 1 }
            if z > 4.5 { farBeyond += 1 }
        }
        for (observed, edge) in [(beyond, r), (farBeyond, 4.5)] {
            let p = 2 * (1 - Self.phi(edge))
            let expected = p * Double(count)
            #expect(abs(Double(observed) - expected) < 5 * expected.squareRoot() + 1)
        }
    }

    @Test func exponentialMomentsDistributionAndTail() {
        var rng = RandomStream(seed: 13, purpose: .testData, index: 21)
        let count = 1_000_000
        let x = (0..<count).map { _ in rng.exponential() }
        let mean = x.reduce(0, +) / Double(count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        #expect(abs(mean - 1) < 5 / Double(count).squareRoot())
        #expect(abs(variance - 1) < 5 * (8 / Double(count)).squareRoot())
        // Beyond the base layer (r ≈ 7.7): probability e^−r ≈ 4.5e-4.
        let r = Ziggurat.exponential.tailStart
        let beyond = Double(x.filter { $0 > r }.count)
        let expected = exp(-r) * Double(count)
        #expect(abs(beyond - expected) < 5 * expected.squareRoot())
        let ks = Self.kolmogorovSmirnov(x) { v in -expm1(-v) }
        #expect(ks < 1.95 / Double(count).squareRoot())
    }
}
