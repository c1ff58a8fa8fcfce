import Foundation
import Testing
@testable import ScalingAnalysis

/// Quantiles against NumPy, the median's order-statistic interval against scipy's binomial law and
/// a Monte Carlo of its coverage, and the largest sample's share.
@Suite struct SampleQuantilesTests {
    @Test func quantilesMatchNumPy() throws {
        // numpy.quantile([3.1, 0.2, 7.5, 1.1, 2.2, 9.9, 4.4], [0.1, 0.5, 0.9]) = [0.74, 3.1, 8.46] (linear, the default).
        let q = try SampleQuantiles(samples: [3.1, 0.2, 7.5, 1.1, 2.2, 9.9, 4.4])
        #expect(abs(q.quantile10 - 0.74) < 1e-12)
        #expect(q.median == 3.1)
        #expect(abs(q.quantile90 - 8.46) < 1e-12)
        #expect(abs(try #require(q.largestShare) - 9.9 / 28.4) < 1e-12)
        let one = try SampleQuantiles(samples: [2])
        #expect(one.median == 2 && one.quantile10 == 2 && one.quantile90 == 2 && one.medianInterval == nil)
        #expect(try SampleQuantiles(samples: [1, 2, 3, 4]).median == 2.5)
    }

    @Test func medianIntervalIndicesMatchTheBinomialLaw() throws {
        // The largest j with 1 − 2·binom.cdf(j − 1, n, ½) ≥ 0.95 (scipy): none for n = 5; 1, 2, 6, 24 for n = 6, 10, 20, 64.
        #expect(try SampleQuantiles(samples: (1...5).map(Double.init)).medianInterval == nil)
        for (n, j) in [(6, 1), (10, 2), (20, 6), (64, 24)] {
            let interval = try #require(try SampleQuantiles(samples: (1...n).reversed().map(Double.init)).medianInterval)
            #expect(interval.lower == Double(j) && interval.upper == Double(n + 1 - j), "n = \(n)")
            #expect(interval.level == 0.95)
        }
    }

    @Test func medianIntervalCoversAHeavyTailedMedian() throws {
        // Samples 1/U (Pareto, infinite mean), true median 2: coverage of the order-statistic interval ≥ 95%.
        var stream = UniformStream(state: 12345)
        var covered = 0
        let trials = 4000
        for _ in 0..<trials {
            let q = try SampleQuantiles(samples: (0..<10).map { _ in 1 / stream.next() })
            if try #require(q.medianInterval).contains(2) { covered += 1 }
        }
        // Exact coverage for n = 10, j = 2 is 1 − 2·11/1024 = 0.9785; 4000 trials give SE ≈ 0.0023.
        #expect(abs(Double(covered) / Double(trials) - 0.978515625) < 0.012)
    }

    @Test func quantileIntervalRanksAndCoverage() throws {
        // scipy: binom.cdf(m, 100, 0.1) first exceeds 0.025 at m = 5 and first reaches 0.975 at m = 16,
        // so for n = 100, p = 0.1 the ranks are j = 5 (x₍₅₎) and k = 17 (x₍₁₇₎).
        let sorted = (1...100).map(Double.init)
        let interval = try #require(SampleQuantiles.quantileInterval(sorted, 0.1, confidence: 0.95))
        #expect(interval.lower == 5 && interval.upper == 17)
        // Too few samples to bracket the 10% quantile at 95%: x₍₁₎ covers it with probability 1 − 0.9ⁿ only.
        #expect(SampleQuantiles.quantileInterval(Array(sorted.prefix(20)), 0.1, confidence: 0.95) == nil)
        // Coverage of the 90% quantile of 1/U (true value 10) by n = 200 draws: ≥ 95% up to binomial error.
        var stream = UniformStream(state: 777)
        let trials = 2000
        var covered = 0
        for _ in 0..<trials {
            let draws = (0..<200).map { _ in 1 / stream.next() }.sorted()
            if try #require(SampleQuantiles.quantileInterval(draws, 0.9, confidence: 0.95)).contains(10) { covered += 1 }
        }
        // 2000 trials: SE ≈ √(0.95·0.05/2000) = 0.0049; the exact coverage is ≥ 0.95, so 3 SE below it fails.
        #expect(Double(covered) / Double(trials) >= 0.95 - 3 * 0.0049, "coverage \(covered) of \(trials)")
    }

    @Test func refusesEmptyOrNonFinite() {
        #expect(throws: AnalysisError.self) { try SampleQuantiles(samples: []) }
        #expect(throws: AnalysisError.self) { try SampleQuantiles(samples: [1, .nan]) }
        #expect(throws: AnalysisError.self) { try SampleQuantiles(samples: [.infinity]) }
    }

    @Test func largestShareNeedsNonNegativeSamples() throws {
        #expect(try SampleQuantiles(samples: [-1, 2, 3]).largestShare == nil)
        #expect(try SampleQuantiles(samples: [0, 0]).largestShare == nil)
        #expect(try SampleQuantiles(samples: [1, 1, 8]).largestShare == 0.8)
    }
}

/// Values rounded to the precision of their standard error.
@Suite struct UncertainValueFormatTests {
    @Test func roundsToTwoSignificantDigitsOfTheError() {
        #expect(UncertainValueFormat.string(1.027, standardError: 0.01151) == "1.027 ± 0.012")
        #expect(UncertainValueFormat.string(0.50312, standardError: 0.0123) == "0.503 ± 0.012")
        #expect(UncertainValueFormat.string(-0.8649, standardError: 0.4163) == "\u{2212}0.86 ± 0.42", "a negative value carries the minus sign U+2212")
        #expect(UncertainValueFormat.string(216.4, standardError: 215.3) == "220 ± 220")
        #expect(UncertainValueFormat.string(12345.6, standardError: 789) == "12350 ± 790")
        #expect(UncertainValueFormat.string(2.0, standardError: 1.0) == "2.0 ± 1.0")
    }

    @Test func carriesIntoTheNextDecade() {
        // 0.0996 rounds to 0.10 at two significant digits: one decimal fewer, not "0.100".
        #expect(UncertainValueFormat.string(1.2345, standardError: 0.0996) == "1.23 ± 0.10")
        #expect(UncertainValueFormat.string(3.14159, standardError: 0.995) == "3.1 ± 1.0")
    }

    @Test func scientificForVeryLargeOrSmallValues() {
        #expect(UncertainValueFormat.string(2.346e-5, standardError: 1.1e-6) == "2.35e\u{2212}05 ± 0.11e\u{2212}05")
        #expect(UncertainValueFormat.string(1.234e7, standardError: 5.6e4) == "1.2340e+07 ± 0.0056e+07")
    }

    @Test func withoutAUsableErrorTheValueAlone() {
        #expect(UncertainValueFormat.string(1.027, standardError: nil) == "1.027")
        #expect(UncertainValueFormat.string(1.027, standardError: 0) == "1.027")
        #expect(UncertainValueFormat.string(1.027, standardError: .nan) == "1.027")
        #expect(UncertainValueFormat.plain(.infinity) == "inf")
        #expect(UncertainValueFormat.plain(-.infinity) == "\u{2212}inf" && UncertainValueFormat.plain(-1.5) == "\u{2212}1.5")
        #expect(UncertainValueFormat.interval(0.804, 1.196, standardError: 0.1) == "[0.80, 1.20]")
        #expect(UncertainValueFormat.interval(0, .infinity, standardError: nil) == "[0, inf]")
    }
}

/// Uniform draws in (0, 1) from a 64-bit linear congruential generator, seeded per test.
private struct UniformStream {
    var state: UInt64

    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return (Double(state >> 11) + 0.5) / 9007199254740992
    }
}
