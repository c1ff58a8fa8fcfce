import Foundation
import Testing
@testable import ScalingTheory
@testable import SparseScaling
import ScalingAnalysis
import TestSupport

/// The predicted law of the decoupled one-pass SGD loss over seeds against the same decoupled dynamics driven by
/// the model's own sample stream (`SparseSampler`, a different generator), and the log factor's moments against
/// their small-ε series.
struct OnlineLossQuantilesTests {
    /// Each run: samples from the model's sampler; every active coordinate's squared error is multiplied by
    /// (1 − η x_i²)², a coordinate's teacher w*_i² ~ χ²₁ enters once it is seen, unseen coordinates count λ_i.
    /// The fraction of runs below each predicted quantile must match the level within 4 combined binomial SDs
    /// (the law's own draws and these runs): the check can fail.
    @Test func quantilesMatchTheDecoupledDynamicsOnTheModelsStream() throws {
        let parameters = try DataParameters(alpha: 0.3, beta: 2.5)
        // Default tier: 400 runs against 1000 draws (4 SD ≈ 0.12 at the median: a mean taken for the median, 0.6 of
        // the runs below it at t = 100, still fails); heavy tier: 4000 runs against 4000 draws.
        let eta = 0.25, checks = [100, 1000], runs = TestTier.size(default: 400, heavy: 4000), draws = TestTier.size(default: 1000, heavy: 4000)
        let law = OnlineSGDLossQuantiles(parameters: parameters, stepSize: eta, steps: checks, draws: draws, seed: 11)
        var losses = [[Double]](repeating: [], count: checks.count)
        var teacher = SplitMix64(state: 99)
        var indices: [Int] = [], values: [Double] = []
        for run in 0..<runs {
            let sampler = SparseSampler(parameters: parameters, seed: UInt64(1000 + run))
            var error: [Int: Double] = [:]  // i → w*_i² · Π(1 − η x_i²)²
            var t = 0
            for (k, check) in checks.enumerated() {
                while t < check {
                    indices.removeAll(keepingCapacity: true)
                    values.removeAll(keepingCapacity: true)
                    sampler.appendSample(t, indices: &indices, values: &values)
                    for (i, x) in zip(indices, values) {
                        if error[i] == nil {
                            // χ²₁ from two uniforms (Box–Muller).
                            let u1 = (Double(teacher.next() >> 11) + 0.5) * 0x1p-53, u2 = Double(teacher.next() >> 11) * 0x1p-53
                            let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
                            error[i] = z * z
                        }
                        let f = 1 - eta * x * x
                        error[i]! *= f * f
                    }
                    t += 1
                }
                var loss = parameters.totalVariance
                for (i, e) in error {
                    let lambda = parameters.marginalVariance(i)
                    loss += lambda * (e - 1)
                }
                losses[k].append(loss)
            }
        }
        for k in checks.indices {
            for (level, predicted) in [(0.1, law.q10[k]), (0.5, law.median[k]), (0.9, law.q90[k])] {
                let below = Double(losses[k].filter { $0 < predicted }.count) / Double(runs)
                let sd = (level * (1 - level) * (1.0 / Double(draws) + 1.0 / Double(runs))).squareRoot()
                #expect(abs(below - level) < 4 * sd, "t = \(checks[k]), level \(level): \(below)")
            }
            // The median lies below the mean: few coordinates carry the loss, each with a χ²₁ teacher.
            #expect(law.median[k] < law.mean[k])
        }
    }

    @Test func logFactorMomentsMatchTheirSeriesAtSmallEpsilon() {
        let epsilon = 1e-3
        let m = OnlineSGDLossQuantiles.logFactorMoments(epsilon)
        // 2 ln(1 − u), u = εξ²: mean −2(ε + 3ε²/2 + 5ε³), variance 4(2ε² + 12ε³ + O(ε⁴)).
        #expect(abs(m.mean / (-2 * (epsilon + 1.5 * epsilon * epsilon + 5 * pow(epsilon, 3))) - 1) < 1e-5)
        #expect(abs(m.variance / (4 * (2 * epsilon * epsilon + 12 * pow(epsilon, 3))) - 1) < 1e-2)
    }
}
