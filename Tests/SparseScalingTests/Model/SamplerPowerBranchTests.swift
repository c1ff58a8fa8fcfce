import Foundation
import Testing
@testable import ScalingTheory
@testable import SparseScaling

/// The sparse sampler beyond its 4096-entry power table, where p_k and the amplitudes come from `pow`:
/// observed-coordinate counts against the exact E[K(D)], activation frequency and conditional variance
/// in aggregate over coordinates 5000…6000. Each test would see a factor 0.5 on p_k (k ≥ 4096) at more
/// than 10 standard deviations.
@Suite struct SamplerPowerBranchTests {
    /// Mean K of 3 training sets of D = 10⁶ samples (α = 0, β = 2) against E[K] = Σ_i 1 − (1 − p_i)^D = 1772.3.
    /// Var K = Σ_i u_i(1 − u_i) (independent coordinates, u_i = 1 − (1 − p_i)^D) is ≈ 734, so the SE of
    /// the mean is ≈ 15.6; halving p_k for k ≥ 4096 moves K by ≈ 133 (8.5 SE: caught with probability > 0.9999).
    @Test func observedCountAtAMillionSamplesMatchesTheExactSum() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let d = 1_000_000
        let seeds = 3
        var total = 0.0
        for seed in 0..<seeds {
            let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: UInt64(40 + seed)), sampleCount: d, threads: 2)
            total += Double(set.observedCount)
        }
        let mean = total / Double(seeds)
        let expected = parameters.expectedObservedCoordinates(sampleCount: Double(d))
        // Var K from the same independent-coordinate sum (coordinates are independent across i).
        var variance = 0.0
        var i = 1
        while true {
            let u = -expm1(Double(d) * log1p(-pow(Double(i), -2)))
            variance += u * (1 - u)
            if i > 100 * 1000, u < 1e-7 { break }
            i += 1
        }
        variance += Double(d) / Double(i)  // Σ_{j>i} u_j(1 − u_j) ≈ D·Σ j^-2
        let standardError = (variance / Double(seeds)).squareRoot()
        #expect(abs(expected - 1772.3) < 0.5)
        #expect(abs(mean - expected) <= 4.5 * standardError, "mean K \(mean), exact \(expected), SE \(standardError)")
    }

    /// Activations of coordinates 5000…6000 over D = 3·10⁴ samples at β = 1.1: D·Σ p_i ≈ 2290 expected,
    /// Poisson-binomial standard deviation ≈ 48, so a factor 0.5 is ≈ 24 standard deviations away.
    /// The values' mean square times i^(1+α) estimates 1 with relative standard error √(2/n).
    @Test(arguments: [(0.0, 1.1, 30_000), (-0.6, 1.1, 30_000)])
    func frequencyAndVarianceBeyondThePowerTable(alpha: Double, beta: Double, d: Int) throws {
        let parameters = try DataParameters(alpha: alpha, beta: beta)
        let sampler = SparseSampler(parameters: parameters, seed: 3)
        let range = 5000...6000
        var count = 0
        var normalizedSquares = 0.0
        var indices: [Int] = [], values: [Double] = []
        for t in 0..<d {
            indices.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            sampler.appendSample(t, indices: &indices, values: &values)
            for (i, x) in zip(indices, values) where range.contains(i) {
                count += 1
                normalizedSquares += x * x / parameters.activeVariance(i)
            }
        }
        var mean = 0.0, variance = 0.0
        for i in range {
            let p = pow(Double(i), -beta)
            mean += Double(d) * p
            variance += Double(d) * p * (1 - p)
        }
        #expect(mean > 1000, "the test needs enough activations to have power (\(mean))")
        #expect(abs(Double(count) - mean) <= 4.5 * variance.squareRoot(), "activations \(count), expected \(mean) ± \(variance.squareRoot())")
        let n = Double(count)
        #expect(abs(normalizedSquares / n - 1) <= 4.5 * (2 / n).squareRoot(), "mean x²·i^(1+α) = \(normalizedSquares / n) over \(count)")
    }
}
