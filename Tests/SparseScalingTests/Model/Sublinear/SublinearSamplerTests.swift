import Foundation
import Testing
@testable import SparseScaling

/// The pieces of the sublinear sampler against exact laws: binomial and zero-truncated binomial pmfs,
/// the rest's first active index, the hub-pattern multinomial and the Bartlett Wishart draw.
@Suite struct SublinearSamplerPartsTests {
    /// Binomial(n, p) pmf, from log-gamma (n ≤ 10^6, where its rounding is negligible).
    static func binomialPMF(_ n: Int, _ p: Double) -> [Double] {
        let nn = Double(n)
        return (0...n).map { k in
            let kk = Double(k)
            let logChoose: Double = lgamma(nn + 1) - lgamma(kk + 1) - lgamma(nn - kk + 1)
            let logPowers: Double = kk * log(p) + (nn - kk) * log1p(-p)
            return exp(logChoose + logPowers)
        }
    }

    @Test(arguments: [(30, 0.2), (1000, 0.004), (1000, 0.3), (200_000, 0.02), (7, 0.9), (5000, 0.75)])
    func binomialMatchesItsPMF(n: Int, p: Double) {
        var rng = RandomStream(seed: 42, purpose: .replicate, index: UInt64(n))
        let draws = 20_000
        var counts = [Int](repeating: 0, count: n + 1)
        for _ in 0..<draws { counts[rng.binomial(count: n, probability: p)] += 1 }
        let expected = Self.binomialPMF(n, p).map { $0 * Double(draws) }
        let test = DistributionTests.chiSquare(observed: counts, expected: expected)
        #expect(test.p > 1e-4, "χ² = \(test.statistic) on \(test.degrees) df, p = \(test.p)")
    }

    @Test(arguments: [(10_000_000_000, 0.0625), (3_000_000_000, 0.5), (40_000_000_000, 2e-10), (12_345_678_901, 0.999)])
    func binomialOfHugeCountHasItsMeanAndVariance(n: Int, p: Double) {
        var rng = RandomStream(seed: 7, purpose: .replicate, index: UInt64(n % 1000))
        let draws = 20_000
        let x = (0..<draws).map { _ in Double(rng.binomial(count: n, probability: p)) }
        let (mean, variance) = DistributionTests.moments(x)
        let nn = Double(n)
        let mu = nn * p, sigma2 = nn * p * (1 - p)
        let zMean = (mean - mu) / (sigma2 / Double(draws)).squareRoot()
        // Var(s²) ≈ (μ₄ − σ⁴)/n with μ₄ ≈ 3σ⁴ + σ²(1 − 6pq) for a binomial.
        let mu4 = 3 * sigma2 * sigma2 + sigma2 * (1 - 6 * p * (1 - p))
        let zVariance = (variance - sigma2) / ((mu4 - sigma2 * sigma2) / Double(draws)).squareRoot()
        #expect(abs(zMean) < 4.5 && abs(zVariance) < 4.5, "z(mean) = \(zMean), z(variance) = \(zVariance)")
    }

    @Test(arguments: [(50, 0.001), (40, 0.3), (3, 0.05)])
    func zeroTruncatedBinomialMatchesItsPMF(n: Int, p: Double) {
        var rng = RandomStream(seed: 3, purpose: .replicate, index: UInt64(n))
        let draws = 20_000
        var counts = [Int](repeating: 0, count: n + 1)
        for _ in 0..<draws { counts[rng.zeroTruncatedBinomial(count: n, probability: p)] += 1 }
        var pmf = Self.binomialPMF(n, p)
        let positive = 1 - pmf[0]
        pmf[0] = 0
        #expect(counts[0] == 0)
        let test = DistributionTests.chiSquare(
            observed: Array(counts.dropFirst()), expected: pmf.dropFirst().map { $0 / positive * Double(draws) })
        #expect(test.p > 1e-4, "χ² = \(test.statistic) on \(test.degrees) df, p = \(test.p)")
    }

    /// T(j) by the series against a direct sum, and the table's end against the series.
    @Test func restHazardSeriesMatchesDirectSums() {
        for (beta, j, last) in [(2.0, 5000, 2_000_000), (1.3, 10_000, 3_000_000), (0.6, 4097, 1_000_000), (3.0, 8000, 9000)] {
            var direct = 0.0
            var i = last
            while i > j {
                direct += -log1p(-pow(Double(i), -beta))
                i -= 1
            }
            let series = RestActivationLaw.seriesHazard(beta: beta, after: j, last: last)
            #expect(abs(series / direct - 1) < 1e-12, "β = \(beta), j = \(j): \(series) vs \(direct)")
        }
    }

    /// P(J > j | touched) = (e^{T(j)} − 1)/(e^{T(h)} − 1), checked on bins spanning the table and the
    /// search beyond it (a 4200-entry table: the search starts where the series takes over), for M = ∞ and a finite M.
    @Test(arguments: [(2.0, 4, SparseSampler.indexCap), (1.5, 3, SparseSampler.indexCap), (3.0, 6, 50_000), (2.0, 1, 300)])
    func firstRestIndexFollowsItsLaw(beta: Double, hubs: Int, last: Int) {
        let law = RestActivationLaw(beta: beta, hubCount: hubs, lastIndex: last, tableSize: 4200)
        let edges = [hubs + 1, hubs + 2, hubs + 5, hubs + 20, hubs + 64, hubs + 65, hubs + 200, 1000, 4300, 10_000, 1_000_000]
            .filter { $0 < last }
        func survival(_ j: Int) -> Double {
            // Direct sums up to 2·10^4, the series beyond (independent of the table).
            let cut = min(last, 20_000)
            var t = RestActivationLaw.seriesHazard(beta: beta, after: max(cut, j), last: last)
            var i = cut
            while i > j {
                t += -log1p(-pow(Double(i), -beta))
                i -= 1
            }
            return expm1(t) / expm1(law.totalHazard)
        }
        var rng = RandomStream(seed: 19, purpose: .replicate, index: UInt64(hubs))
        let draws = 20_000
        var counts = [Int](repeating: 0, count: edges.count + 1)
        for _ in 0..<draws {
            let j = law.firstActiveIndex(&rng)
            #expect(j > hubs && j <= last)
            counts[edges.filter { $0 < j }.count] += 1
        }
        // Bin b holds J in (edges[b−1], edges[b]] (bin 0: J = h + 1).
        var expected: [Double] = []
        var previous = 1.0
        for e in edges {
            let s = survival(e)
            expected.append((previous - s) * Double(draws))
            previous = s
        }
        expected.append(previous * Double(draws))
        let test = DistributionTests.chiSquare(observed: counts, expected: expected)
        #expect(test.p > 1e-4, "counts \(counts) vs \(expected.map { Int($0) }), p = \(test.p)")
    }

    /// The next active index after j: none with probability e^{−T(j)}, beyond i with e^{−(T(j) − T(i))};
    /// from inside a 4200-entry table and from beyond it.
    @Test(arguments: [(1.5, 4), (2.0, 30), (1.2, 500)])
    func nextRestIndexFollowsItsLaw(beta: Double, start: Int) {
        let last = SparseSampler.indexCap
        let law = RestActivationLaw(beta: beta, hubCount: 4, lastIndex: last, tableSize: 4200)
        func hazard(_ j: Int) -> Double {
            let cut = 20_000
            var t = RestActivationLaw.seriesHazard(beta: beta, after: max(cut, j), last: last)
            var i = cut
            while i > j {
                t += -log1p(-pow(Double(i), -beta))
                i -= 1
            }
            return t
        }
        let edges = [start + 1, start + 3, start + 30, 1000, 4300, 100_000, 10_000_000].filter { $0 > start }
        var rng = RandomStream(seed: 23, purpose: .replicate, index: UInt64(start))
        let draws = 20_000
        var counts = [Int](repeating: 0, count: edges.count + 2)
        for _ in 0..<draws {
            guard let i = law.nextActiveIndex(after: start, &rng) else {
                counts[edges.count + 1] += 1
                continue
            }
            #expect(i > start)
            counts[edges.filter { $0 < i }.count] += 1
        }
        let total = hazard(start)
        var expected: [Double] = []
        var previous = 1.0
        for e in edges {
            let s = exp(-(total - hazard(e)))
            expected.append((previous - s) * Double(draws))
            previous = s
        }
        let none = exp(-total)
        expected.append((previous - none) * Double(draws))
        expected.append(none * Double(draws))
        let test = DistributionTests.chiSquare(observed: counts, expected: expected)
        #expect(test.p > 1e-4, "counts \(counts) vs \(expected.map { Int($0) }), p = \(test.p)")
    }

    /// Pattern counts over 3 free hubs (p = 1/2, 1/3, 1/4): each of the 8 patterns' count has mean nπ_P and
    /// variance nπ_P(1 − π_P), and the counts add up to n.
    @Test func hubPatternCountsAreMultinomial() throws {
        let parameters = try DataParameters(alpha: 0, beta: 1, inputDimension: .finite(10))
        let sampler = SublinearSampler(parameters: parameters, seed: 1, sampleCount: 1, hubCount: 4)
        let accumulator = HubPatternAccumulator(sampler)
        let n = 500, draws = 3000
        var counts = [[Double]](repeating: [Double](repeating: 0, count: draws), count: 8)
        var rng = RandomStream(seed: 9, purpose: .replicate, index: 0)
        for t in 0..<draws {
            var total = 0
            accumulator.forEachPattern(count: n, rng: &rng) { pattern, count, _ in
                var key = 0
                for i in pattern where i > 1 { key |= 1 << (i - 2) }
                counts[key][t] += Double(count)
                total += count
            }
            #expect(total == n)
        }
        for key in 0..<8 {
            var pi = 1.0
            for b in 0..<3 {
                let p = 1 / Double(b + 2)
                pi *= key & (1 << b) != 0 ? p : 1 - p
            }
            let (mean, variance) = DistributionTests.moments(counts[key])
            let nn = Double(n)
            let zMean = (mean - nn * pi) / (nn * pi * (1 - pi) / Double(draws)).squareRoot()
            #expect(abs(zMean) < 4.5, "pattern \(key): mean \(mean) vs \(nn * pi)")
            #expect(abs(variance / (nn * pi * (1 - pi)) - 1) < 0.12, "pattern \(key): variance \(variance)")
        }
    }

    /// With β = 0 every hub is active: the untouched samples form one pattern {1, 2, 3} and their columns'
    /// Gram matrix is Wishart_3(n, Σ), Σ = diag(i^−(1+α)): mean nΣ and Var(W_ij) = n(Σ_ij² + Σ_ii Σ_jj),
    /// by Bartlett (n ≥ 3) and by explicit vectors (n < 3).
    @Test(arguments: [2, 5, 40])
    func bartlettWishartHasItsMeanAndVariance(n: Int) throws {
        let parameters = try DataParameters(alpha: 0.5, beta: 0, inputDimension: .finite(3))
        let sampler = SublinearSampler(parameters: parameters, seed: 1, sampleCount: n, hubCount: 3)
        let accumulator = HubPatternAccumulator(sampler)
        let sigma = (1...3).map { pow(Double($0), -1.5) }
        let draws = 6000
        var entries = [[Double]](repeating: [], count: 9)
        var rng = RandomStream(seed: 12, purpose: .replicate, index: UInt64(n))
        for _ in 0..<draws {
            let out = accumulator.columns(count: n, rng: &rng)
            #expect(out.patterns == 1)
            var w = [Double](repeating: 0, count: 9)
            var e = 0
            for count in out.counts {
                let range = e..<(e + Int(count))
                for a in range {
                    for b in range { w[(out.indices[a] - 1) * 3 + out.indices[b] - 1] += out.values[a] * out.values[b] }
                }
                e += Int(count)
            }
            for k in 0..<9 { entries[k].append(w[k]) }
        }
        let nn = Double(n)
        for i in 0..<3 {
            for j in 0..<3 {
                let (mean, variance) = DistributionTests.moments(entries[i * 3 + j])
                let expectedMean = i == j ? nn * sigma[i] : 0
                let expectedVariance = nn * ((i == j ? sigma[i] * sigma[i] : 0) + sigma[i] * sigma[j])
                let z = (mean - expectedMean) / (expectedVariance / Double(draws)).squareRoot()
                #expect(abs(z) < 4.5, "W[\(i),\(j)] mean \(mean) vs \(expectedMean)")
                #expect(abs(variance / expectedVariance - 1) < 0.15, "W[\(i),\(j)] variance \(variance) vs \(expectedVariance)")
            }
        }
    }
}
