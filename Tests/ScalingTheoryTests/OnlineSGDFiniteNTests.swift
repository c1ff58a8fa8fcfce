import Foundation
import Testing
@testable import ScalingTheory

/// The finite-N one-pass SGD prediction: its N → ∞ limit and its binned sums against exact sums.
struct OnlineSGDFiniteNTests {
    @Test func largeNIsTheDecoupledLaw() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let steps = [0, 10, 1000, 30_000]
        let prediction = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: 1 << 40, stepSize: 0.25, steps: steps)
        for (k, t) in steps.enumerated() {
            let exact = parameters.onlineLoss(steps: Double(t), stepSize: 0.25)
            #expect(abs(prediction.loss[k] / exact - 1) < 2e-3, "t = \(t)")
        }
    }

    @Test func leaksScaleAsOneOverNAndGrowWithT() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let steps = [10_000, 100_000]
        let a = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: 4096, stepSize: 0.25, steps: steps)
        let b = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: 8192, stepSize: 0.25, steps: steps)
        for k in steps.indices {
            let ea = a.loss[k] - a.decoupled[k], eb = b.loss[k] - b.decoupled[k]
            #expect(abs(ea / eb - 2) < 0.05)
        }
        #expect(a.loss[1] / a.decoupled[1] > a.loss[0] / a.decoupled[0])
    }

    @Test func binnedCoherentLeakMatchesTheUnbinnedSum() throws {
        // At t = 3·10⁵ the bins start at i = 257; the exact pair sum over i, j ≤ 20 000 (plus the same remainder).
        let parameters = try DataParameters(alpha: 0.5, beta: 2)
        let eta = 0.25, t = 300_000.0, n = 1000
        let prediction = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: n, stepSize: eta, steps: [Int(t)])
        let binned = OnlineSGDFiniteNPrediction.coordinates(parameters, stepSize: eta, maxSteps: t)
        let end = Int(binned.indices.reduce(0) { $0 + $1.weight })
        let lambda = (1...end).map(parameters.marginalVariance)
        let rhot = lambda.map { pow(1 - eta * $0, t) }
        var coherent = 0.0, learned = 0.0
        for j in lambda.indices {
            var inner = 0.0
            for i in lambda.indices where i != j {
                let amp = lambda[i] * (rhot[i] - rhot[j]) / (lambda[j] - lambda[i])
                inner += amp * amp
            }
            coherent += lambda[j] * inner
            learned += (1 - rhot[j]) * (1 - rhot[j])
        }
        coherent += binned.remainder * learned
        coherent /= Double(n)
        let factor = Double(n) / (Double(n) - learned - 1)
        #expect(abs(prediction.coherentLeak[0] / (factor * coherent) - 1) < 0.01)
    }
}
