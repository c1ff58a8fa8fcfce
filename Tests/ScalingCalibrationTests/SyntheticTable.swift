import Foundation
import ScalingCalibration
import TestSupport

/// Synthetic runs from a known additive law with multiplicative lognormal noise: iso-FLOP budgets
/// C = 10^18…10^22 (one per decade), 12 model sizes per budget log-spaced so that D/N runs from ~0.3 to ~3000.
enum SyntheticTable {
    /// The truth: Epoch AI's Chinchilla refit (E 1.82, A 482, B 2085, a 0.348, b 0.366).
    static let truth = AdditiveLaw(irreducible: 1.82, modelCoefficient: 482, dataCoefficient: 2085, modelExponent: 0.348, dataExponent: 0.366)

    /// 60 runs of `law` with ln L perturbed by N(0, σ²), drawn from `seed`.
    static func runs(law: AdditiveLaw = truth, sigma: Double, seed: UInt64) -> [ScalingRun] {
        var generator = SplitMix64(state: seed)
        var runs: [ScalingRun] = []
        for decade in 18...22 {
            let c = pow(10, Double(decade))
            // N from √(C/6/3000) to √(C/6/0.3): D/N from 3000 down to 0.3.
            let lo = 0.5 * log(c / 6 / 3000), hi = 0.5 * log(c / 6 / 0.3)
            for k in 0..<12 {
                let n = exp(lo + (hi - lo) * Double(k) / 11)
                let d = c / (6 * n)
                let z = (-2 * log(generator.openUnit())).squareRoot() * cos(2 * .pi * generator.unit())
                runs.append(ScalingRun(featureCount: n, sampleCount: d, loss: law.loss(featureCount: n, sampleCount: d) * exp(sigma * z)))
            }
        }
        return runs
    }

    /// A coarse start grid (3⁵ = 243 starts) for the many refits of the coverage tests.
    static let coarseGrid = StartGrid(logModelCoefficients: [0, 5, 10], logDataCoefficients: [0, 5, 10], logIrreducibles: [-1, 0, 1],
                                      modelExponents: [0, 0.5, 1], dataExponents: [0, 0.5, 1], logJoinScales: [0])
}
