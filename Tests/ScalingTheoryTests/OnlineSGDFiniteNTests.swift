import Foundation
import Testing
@testable import ScalingTheory

/// The finite-N one-pass SGD prediction: its N → ∞ limit and its binned sums against exact sums.
struct OnlineSGDFiniteNTests {
    @Test func largeNDecoupledPartIsTheDecoupledLaw() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let steps = [0, 10, 1000, 30_000]
        let prediction = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: 1 << 40, stepSize: 0.25, steps: steps)
        for (k, t) in steps.enumerated() {
            let exact = parameters.onlineLoss(steps: Double(t), stepSize: 0.25)
            #expect(abs(prediction.decoupled[k] / exact - 1) < 2e-3, "t = \(t)")
        }
    }

    /// At N = ∞ the diagonal second moments obey C_j ← r_j C_j + η²λ_j(L − λ_j C_j) exactly (docs/theory-online-sgd.md):
    /// iterated step by step over 3000 coordinates (the rest never learned, each at λ_j plus its injection), this is an
    /// independent computation of the N → ∞ limit of the prediction, which sums the injection on a 24-per-decade grid.
    @Test(arguments: [(0.0, 2.0), (0.3, 2.5)])
    func largeNIsTheExactInfiniteNMean(alpha: Double, beta: Double) throws {
        let parameters = try DataParameters(alpha: alpha, beta: beta)
        let eta = 0.25, count = 3000, checks = [10, 100, 1000, 3000]
        let lambda = (1...count).map(parameters.marginalVariance)
        let r = (1...count).map { i -> Double in
            let a = parameters.activeVariance(i)
            return 1 - parameters.activationProbability(i) * (2 * eta * a - 3 * eta * eta * a * a)
        }
        let rest = Zeta.powerSum(parameters.varianceExponent, from: count + 1, through: nil)
        let restSquared = Zeta.powerSum(2 * parameters.varianceExponent, from: count + 1, through: nil)
        var c = [Double](repeating: 1, count: count)
        var injected = 0.0  // η² Σ_{s<t} L(s): the rest's coordinates each gain λ_j times it
        var loss = zip(lambda, c).reduce(rest) { $0 + $1.0 * $1.1 }
        var exact: [Int: Double] = [:]
        for t in 1...checks.last! {
            for j in 0..<count { c[j] = r[j] * c[j] + eta * eta * lambda[j] * (loss - lambda[j] * c[j]) }
            injected += eta * eta * loss
            loss = rest + restSquared * injected
            for j in 0..<count { loss += lambda[j] * c[j] }
            if checks.contains(t) { exact[t] = loss }
        }
        let prediction = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: 1 << 40, stepSize: eta, steps: checks)
        for (k, t) in checks.enumerated() {
            // The grid sum holds L at its left value over each ×1.1 step (L falls ≲ 7% across one, on ≲ 20% of the loss).
            #expect(abs(prediction.loss[k] / exact[t]! - 1) < 0.01, "t = \(t): \(prediction.loss[k]) vs \(exact[t]!)")
            #expect(prediction.crossInjection[k] > 0)
        }
    }

    @Test func leaksScaleAsOneOverNAndGrowWithT() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let steps = [10_000, 100_000]
        let a = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: 4096, stepSize: 0.25, steps: steps)
        let b = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: 8192, stepSize: 0.25, steps: steps)
        for k in steps.indices {
            // The finite-N leaks (the cross injection is an N = ∞ term).
            let ea = a.loss[k] - a.decoupled[k] - a.crossInjection[k], eb = b.loss[k] - b.decoupled[k] - b.crossInjection[k]
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
