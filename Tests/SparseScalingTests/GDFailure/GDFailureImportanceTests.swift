import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// The GD-failure importance sampler with power: the likelihood-ratio weight has mean 1 under the
/// proposal at several D, weighted exceedance probabilities of λ_max match plain Monte Carlo in the
/// tail, the row's estimate and SE equal a direct recomputation, and the Bartlett factor has the
/// Wishart moments.
@Suite struct GDFailureImportanceTests {
    /// E_q[w] = 1 for the exact likelihood ratio w = p/q of a dataset. The weight's standard deviation
    /// is ≈ 4 at D = 60 and ≈ 1 at D ≥ 300, so 40000 or 5000 draws give an SE ≤ 0.02: a 20% bias is
    /// ≥ 10 SE away.
    @Test(arguments: [60, 300, 1000])
    func likelihoodRatioHasMeanOneUnderTheProposal(d: Int) throws {
        let threshold = 1.5
        let proposal = GDFailureProposal(alpha: -1.5, beta: 2, sampleCount: d, threshold: threshold)
        let design = GDFailureReplicate(alpha: -1.5, beta: 2, sampleCount: d, featureCount: 64, threshold: threshold, proposal: proposal)
        var scratch = GDFailureReplicate.Scratch()
        let r = d < 100 ? 40000 : 5000
        var weights: [Double] = []
        weights.reserveCapacity(r)
        for index in 0..<r {
            var rng = RandomStream(seed: 91, purpose: .replicate, index: UInt64(index))
            scratch.reset()
            var logWeight = proposal.logWeightConstant
            design.drawActivations(&rng, &scratch, &logWeight)
            weights.append(exp(logWeight))
        }
        let mean = weights.reduce(0, +) / Double(r)
        let sd = (weights.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(r - 1)).squareRoot()
        let se = sd / Double(r).squareRoot()
        #expect(se < 0.02, "the test needs SE < 0.02 to see a 20% bias (SE \(se))")
        #expect(abs(mean - 1) <= 4.5 * se, "D = \(d): mean weight \(mean) ± \(se)")
    }

    /// λ_max draws of `r` replicates (and their log weights) under `seed`.
    static func draws(_ design: GDFailureReplicate, seed: UInt64, r: Int) -> [(lambda: Double, weight: Double)] {
        var scratch = GDFailureReplicate.Scratch()
        return BLAS.withThreadCount(1) {
            (0..<r).map { index in
                let o = design.run(seed: seed, index: index, scratch: &scratch)
                return (o.largestEigenvalue, exp(o.logWeight))
            }
        }
    }

    /// P(λ_max > t) at the pilot's 70%, 90% and 98% quantiles: importance-weighted vs plain, each
    /// within 4 combined standard errors (plain: binomial; weighted: sd(w·1)/√R).
    @Test func weightedTailMatchesPlainMonteCarlo() throws {
        let (alpha, beta, n, d) = (-1.5, 2.0, 64, 300)
        let plainDesign = GDFailureReplicate(alpha: alpha, beta: beta, sampleCount: d, featureCount: n, threshold: .infinity)
        let pilot = Self.draws(plainDesign, seed: 1, r: 500).map(\.lambda).sorted()
        let thresholds = [0.7, 0.9, 0.98].map { pilot[Int($0 * Double(pilot.count))] }
        // The proposal is built for the highest threshold; Lanczos stops only above it.
        let top = thresholds.last! * 1.0001
        let proposal = GDFailureProposal(alpha: alpha, beta: beta, sampleCount: d, threshold: top)
        let weightedDesign = GDFailureReplicate(alpha: alpha, beta: beta, sampleCount: d, featureCount: n, threshold: .infinity, proposal: proposal)
        let r = 2000
        let plain = Self.draws(plainDesign, seed: 2, r: r)
        let weighted = Self.draws(weightedDesign, seed: 3, r: r)
        for t in thresholds {
            let p = Double(plain.filter { $0.lambda > t }.count) / Double(r)
            let contributions = weighted.map { $0.lambda > t ? $0.weight : 0 }
            let q = contributions.reduce(0, +) / Double(r)
            let variance = contributions.map { ($0 - q) * ($0 - q) }.reduce(0, +) / Double(r - 1)
            let se = (p * (1 - p) / Double(r) + variance / Double(r)).squareRoot()
            #expect(abs(p - q) <= 4 * se, "P(λ_max > \(t)): plain \(p), weighted \(q), combined SE \(se)")
        }
    }

    /// The experiment's row (P̂ and its SE, plain and importance) equals the mean and sd/√R of the
    /// replicates recomputed one by one.
    @Test(arguments: [FailureEstimator.plain, .importance])
    func rowEqualsDirectRecomputation(estimator: FailureEstimator) throws {
        var settings = GDFailureSettings(featureCount: 128, sampleCounts: [200], replicates: 500, threshold: 1.3)
        settings.estimator = estimator
        let row = try GDFailureExperiment.run(settings, threads: 2).rows[0]
        let proposal = estimator == .importance
            ? GDFailureProposal(alpha: settings.alpha, beta: settings.beta, sampleCount: 200, threshold: settings.threshold) : nil
        let design = GDFailureReplicate(
            alpha: settings.alpha, beta: settings.beta, sampleCount: 200, featureCount: 128, threshold: settings.threshold, proposal: proposal)
        let seed = settings.seed ^ (UInt64(200) &* 0x9E37_79B9_7F4A_7C15)
        let outcomes = Self.draws(design, seed: seed, r: 500)
        let x = outcomes.map { $0.lambda > settings.threshold ? (estimator == .plain ? 1 : $0.weight) : 0 }
        let mean = x.reduce(0, +) / 500
        #expect(row.failures == outcomes.filter { $0.lambda > settings.threshold }.count)
        #expect(row.failures > 5, "the comparison needs failures (\(row.failures))")
        #expect(abs(row.probability - mean) <= 1e-12 * max(mean, 1e-300))
        let se = estimator == .plain
            ? (mean * (1 - mean) / 500).squareRoot()
            : (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 499 / 500).squareRoot()
        #expect(abs(row.standardError - se) <= 1e-9 * se, "SE \(row.standardError), recomputed \(se)")
        #expect(row.lower <= row.probability && row.probability <= row.upper)
    }

    /// L Lᵀ ~ Wishart_K(N, I/N): E[L Lᵀ] = I and Var((L Lᵀ)_jj) = 2/N, over 3000 draws of K = 6, N = 10.
    /// A degrees-of-freedom error of one on any diagonal moves its mean by 1/N = 0.1, ≈ 12 SE.
    @Test func bartlettFactorHasWishartMoments() {
        let k = 6, n = 10, r = 3000
        var rng = RandomStream(seed: 5, purpose: .replicate, index: 0)
        var factor = BartlettFactor()
        var sum = [Double](repeating: 0, count: k * k)
        var sumSquares = [Double](repeating: 0, count: k * k)
        var columns = [[Double]](repeating: [], count: k)
        for _ in 0..<r {
            factor.draw(dimension: k, degreesOfFreedom: n, rng: &rng)
            for j in 0..<k {
                var e = [Double](repeating: 0, count: k)
                e[j] = 1
                e.withUnsafeMutableBufferPointer { factor.multiply($0) }
                columns[j] = e
            }
            for a in 0..<k {
                for b in 0..<k {
                    let value = (0..<k).reduce(0.0) { $0 + columns[$1][a] * columns[$1][b] }
                    sum[a * k + b] += value
                    sumSquares[a * k + b] += value * value
                }
            }
        }
        for a in 0..<k {
            for b in 0..<k {
                let mean = sum[a * k + b] / Double(r)
                let variance = sumSquares[a * k + b] / Double(r) - mean * mean
                let expectedVariance = a == b ? 2 / Double(n) : 1 / Double(n)
                let se = (expectedVariance / Double(r)).squareRoot()
                #expect(abs(mean - (a == b ? 1 : 0)) <= 4.5 * se, "E[(L Lᵀ)_\(a)\(b)] = \(mean)")
                #expect(abs(variance / expectedVariance - 1) <= 0.2, "Var[(L Lᵀ)_\(a)\(b)] = \(variance)")
            }
        }
    }
}
