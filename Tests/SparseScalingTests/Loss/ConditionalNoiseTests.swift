import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// The conditional estimator with label noise (docs/theory.md §6.1 with §7.1): E[L | data] against a Monte
/// Carlo over W, w* and the per-sample noise ε on a fixed training set, with v = (y + σε) F⁺ from the
/// dense pseudoinverse (an independent route: no reduced factor, no z).
@Suite struct ConditionalNoiseTests {
    /// Fixed data sets: with null directions (β = 1.5, D = 12) and without, and σ from small to large.
    static let cases: [(beta: Double, d: Int, seed: UInt64, sigma: Double, extra: Int)] = [
        (1.5, 12, 3, 0.3, 8), (2, 40, 5, 0.1, 12), (2, 40, 5, 1, 30),
    ]

    @Test(arguments: Array(cases.indices))
    func conditionalMeanMatchesMonteCarlo(index: Int) throws {
        let c = Self.cases[index]
        let parameters = try DataParameters(alpha: 0, beta: c.beta)
        let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: c.seed), sampleCount: c.d, threads: 1)
        let parts = try ConditionalLoss(samples: set, parameters: parameters)
        if index == 0 { #expect(parts.nullMass > 0, "the first case must exercise null directions") }
        let n = parts.rank + c.extra
        var spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: c.d, seed: c.seed, labelNoise: c.sigma)
        spec.estimator = .conditional
        let outcome = try PointEvaluator.evaluate(spec, threads: 1)
        #expect(outcome.estimator == .conditional)
        #expect(outcome.testLoss == outcome.loss + c.sigma * c.sigma)

        let x = set.denseObserved()  // K × D
        let k = set.observedCount
        let lambda = set.observed.map { parameters.marginalVariance($0) }
        let unobserved = parameters.totalVariance - lambda.reduce(0, +)
        var random = RandomStream(seed: 900 + UInt64(index), purpose: .replicate, index: 0)
        var losses: [Double] = []
        for _ in 0..<4000 {
            var w = Matrix(rows: n, columns: k)
            for j in 0..<k { for i in 0..<n { w[i, j] = random.normal() / Double(n).squareRoot() } }
            let teacher = (0..<k).map { _ in random.normal() }
            var y = BLAS.multiply(x, teacher, trans: .transposed)
            for d in y.indices { y[d] += c.sigma * random.normal() }
            let f = BLAS.product(w, x)
            let v = BLAS.multiply(try Pseudoinverse.pseudoinverse(f, relativeTolerance: 1e-10), y, trans: .transposed)
            let effective = BLAS.multiply(w, v, trans: .transposed)
            var loss = 0.0
            for i in 0..<k { loss += lambda[i] * (effective[i] - teacher[i]) * (effective[i] - teacher[i]) }
            loss += (v.reduce(0) { $0 + $1 * $1 } / Double(n) + 1) * unobserved
            losses.append(loss)
        }
        let mean = losses.reduce(0, +) / Double(losses.count)
        let se = (losses.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(losses.count - 1) / Double(losses.count)).squareRoot()
        let noiseless = (parts.unobservedMass + parts.nullMass) * Double(n - 1) / Double(n - 1 - parts.rank)
        #expect(outcome.loss > noiseless, "noise must raise the conditional mean")
        #expect(abs(outcome.loss - mean) < 4.5 * se, "case \(index): conditional \(outcome.loss), Monte Carlo \(mean) ± \(se), noiseless \(noiseless)")
    }

    /// tr A⁺ and Σ λ_i (A⁺)_ii from the factor against the eigendecomposition of A.
    @Test func tracesMatchTheEigendecomposition() throws {
        let parameters = try DataParameters(alpha: 0, beta: 1.5)
        let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: 3), sampleCount: 12, threads: 1)
        let lambda = set.observed.map { parameters.marginalVariance($0) }
        let traces = try ConditionalNoiseTraces(samples: set, parameters: parameters)
        let eigen = try SymmetricEigen(set.secondMoment())
        let top = eigen.values.max() ?? 0
        var trace = 0.0, weighted = 0.0, rank = 0
        for (j, s) in eigen.values.enumerated() where s > 1e-10 * top {
            rank += 1
            trace += 1 / s
            for i in 0..<set.observedCount { weighted += lambda[i] * eigen.vectors[i, j] * eigen.vectors[i, j] / s }
        }
        #expect(traces.rank == rank)
        #expect(abs(traces.inverseTrace - trace) <= 1e-9 * trace)
        #expect(abs(traces.weightedInverseDiagonal - weighted) <= 1e-9 * weighted)
    }
}
