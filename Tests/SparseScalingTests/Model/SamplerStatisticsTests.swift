import Foundation
import Testing
@testable import SparseScaling

/// The sparse sampler's marginals: activation frequency p_i and conditional variance i^-(1+α).
@Suite struct SamplerStatisticsTests {
    /// Counts activations and sums of squares of coordinates 1…20 over D samples.
    func statistics(alpha: Double, beta: Double, m: InputDimension, samples: Int) throws
        -> (parameters: DataParameters, active: [Int], squares: [Double], fourth: [Double])
    {
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: m)
        let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: 11), sampleCount: samples, threads: 2)
        var active = [Int](repeating: 0, count: 21)
        var squares = [Double](repeating: 0, count: 21)
        var fourth = [Double](repeating: 0, count: 21)
        for (e, p) in set.positions.enumerated() {
            let i = set.observed[Int(p)]
            if i <= 20 {
                active[i] += 1
                squares[i] += set.values[e] * set.values[e]
                fourth[i] += pow(set.values[e], 4)
            }
        }
        return (parameters, active, squares, fourth)
    }

    /// Frequencies within 5 binomial standard deviations of p_i (a false alarm has probability ~1e-6 per coordinate).
    @Test(arguments: [(0.0, 2.0, InputDimension.infinite), (0.5, 1.3, .infinite), (-0.5, 0.7, .finite(50)), (1.0, 0.0, .finite(20))])
    func activationFrequencyAndConditionalVariance(alpha: Double, beta: Double, m: InputDimension) throws {
        let d = 200_000
        let s = try statistics(alpha: alpha, beta: beta, m: m, samples: d)
        for i in 1...20 {
            if let mm = m.finiteValue, i > mm { continue }
            let p = s.parameters.activationProbability(i)
            let sd = (Double(d) * p * (1 - p)).squareRoot()
            #expect(abs(Double(s.active[i]) - Double(d) * p) <= 5 * sd + 1e-9, "frequency of coordinate \(i)")
            // Conditional variance: the mean of x² over active draws estimates i^-(1+α) with relative
            // standard error √(2/n) for Gaussian values; allow 5 standard errors.
            let n = Double(s.active[i])
            guard n > 100 else { continue }
            let variance = s.squares[i] / n
            let expected = s.parameters.activeVariance(i)
            #expect(abs(variance / expected - 1) <= 5 * (2 / n).squareRoot(), "variance of coordinate \(i)")
        }
    }

    @Test func samplesAreIdenticalForAnyThreadCount() throws {
        let parameters = try DataParameters(alpha: 0, beta: 1.5)
        let a = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: 5), sampleCount: 30_000, threads: 1)
        let b = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: 5), sampleCount: 30_000, threads: 2)
        #expect(a.observed == b.observed && a.positions == b.positions && a.values == b.values && a.offsets == b.offsets)
    }

    @Test func observedCountMatchesTheExpectation() throws {
        // Mean K over 40 seeds vs the exact E[K] = Σ 1 − (1 − p_i)^D (summed directly to 10^8 terms' worth).
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let d = 2000
        var counts: [Double] = []
        for seed in 0..<40 {
            let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: UInt64(seed)), sampleCount: d, threads: 2)
            counts.append(Double(set.observedCount))
        }
        var expected = 0.0
        for i in 1...2_000_000 { expected += -expm1(Double(d) * log1p(-pow(Double(i), -2))) }
        expected += Double(d) / 2_000_000  // Σ_{i>2e6} ≈ D·Σ i^-2 ≈ D/2e6
        let mean = counts.reduce(0, +) / 40
        let sd = (counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 39).squareRoot()
        #expect(abs(mean - expected) <= 5 * sd / 40.0.squareRoot())
    }
}
