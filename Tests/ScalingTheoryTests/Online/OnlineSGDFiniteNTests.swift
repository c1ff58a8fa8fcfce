import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import ScalingTheory

/// The finite-N one-pass SGD prediction: its N → ∞ limit, its 1/N scaling, and its mean path against the exact one.
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

    /// The mean path's deterministic equivalent against the exact mean path for each draw of W: with H = WΛWᵀ = Σ h_k u_ku_kᵀ
    /// and b_k = u_kᵀWΛ²Wᵀu_k, gradient descent on the population loss from 0 gives, averaged over the teacher,
    /// L(t) = Σλ − Σ_k b_k(1 − (1 − ηh_k)^(2t))/h_k. M = 2000 (finite, the same coordinates in both), 12 draws of W,
    /// at the two settings of the docs' check and two others.
    /// Tolerance: 3 SE of the draws' mean plus 2% (the equivalent is first order in 1/N; at N = 32 its error at
    /// t ≤ 100 is 4–6%, which is why t starts at 1000), covering N = 32 on the saturated side (A(t) ≫ N/2).
    @Test(arguments: [(0.0, 2.0, 32, 0.25), (0.0, 2.0, 128, 0.25), (0.3, 1.7, 64, 0.3), (-0.3, 2.6, 96, 0.2)])
    func meanPathMatchesTheExactPathOverW(alpha: Double, beta: Double, featureCount n: Int, stepSize eta: Double) throws {
        let m = 2000, draws = 12, checks = [1000.0, 10_000, 100_000, 1_000_000]
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(m))
        let lambda = (1...m).map(parameters.marginalVariance)
        var rng = SplitMix64(state: UInt64(n))
        func normal() -> Double { (-2 * log(rng.openUnit())).squareRoot() * cos(2 * .pi * rng.unit()) }
        var losses = [[Double]](repeating: [], count: checks.count)
        for _ in 0..<draws {
            let w = Matrix(rows: n, columns: m, columnMajor: (0..<(n * m)).map { _ in normal() / Double(n).squareRoot() })
            var wl = w, wl2 = w
            for j in 0..<m { for i in 0..<n { wl.storage[i + j * n] *= lambda[j]; wl2.storage[i + j * n] *= lambda[j] * lambda[j] } }
            let h = BLAS.product(wl, w, transB: .transposed), b = BLAS.product(wl2, w, transB: .transposed)
            let eigen = try SymmetricEigen(h)
            let bu = BLAS.product(b, eigen.vectors)
            for (c, t) in checks.enumerated() {
                var loss = lambda.reduce(0, +)
                for k in 0..<n {
                    var bk = 0.0
                    for i in 0..<n { bk += eigen.vectors[i, k] * bu[i, k] }
                    let hk = eigen.values[k]
                    loss -= bk * -expm1(2 * t * log(abs(1 - eta * hk))) / hk
                }
                losses[c].append(loss)
            }
        }
        let path = try #require(OnlineSGDFiniteNPrediction.meanPath(parameters, featureCount: n))
        #expect(path.converged)
        for (c, t) in checks.enumerated() {
            let mean = losses[c].reduce(0, +) / Double(draws)
            let se = (losses[c].reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws - 1) / Double(draws)).squareRoot()
            let predicted = path.loss(steps: t, stepSize: eta)
            #expect(abs(predicted - mean) <= 3 * se + 0.02 * mean, "(\(alpha), \(beta)) N = \(n), t = \(t): equivalent \(predicted), exact \(mean) ± \(se)")
        }
    }
}
