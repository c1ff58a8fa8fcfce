import Foundation
import Testing
import ScalingAnalysis
@testable import SparseScaling
import TestSupport

/// `CurveCoverageTest`: the coverage count, its exact one-sided interval, and the false-alarm rate
/// computed exactly (≤ 5%), checked against a direct simulation of the null.
@Suite struct CurveCoverageTestTests {
    @Test("The binomial CDF (incomplete beta) equals the direct sum of the probabilities")
    func binomialCDFIsTheSum() {
        for (n, p) in [(5, 0.95), (20, 0.95), (13, 0.3)] {
            var sum = 0.0
            for k in 0...n {
                sum += exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) + Double(k) * log(p) + Double(n - k) * log1p(-p))
                #expect(abs(BinomialDistribution.cdf(k, trials: n, probability: p) - min(1, sum)) < 1e-12, "n \(n), k \(k)")
            }
        }
    }

    @Test func countsAndInterval() throws {
        let t = CurveCoverageTest(zScores: [0, 1.95, -1.97, 3])
        #expect(t.covered == 2 && t.points == 4 && t.fraction == 0.5)
        let ci = try #require(t.interval)
        #expect(ci.lower == 0 && 0.5 < ci.upper && ci.upper < 0.95)
        // With the χ² deciding too, coverage has 2.5%: U solves P(Bin(4, U) ≤ 2) = 0.025.
        #expect(t.coverageLevel == 0.025)
        #expect(abs(BinomialDistribution.cdf(2, trials: 4, probability: ci.upper) - 0.025) < 1e-9)
        #expect(CurveCoverageTest(zScores: [0, 0, 0]).interval?.upper == 1)
        #expect(abs(t.chiSquare - (1.95 * 1.95 + 1.97 * 1.97 + 9)) < 1e-12)
        #expect(t.zText == "+0.0, +1.9, -2.0, +3.0")
    }

    @Test("The false-alarm rate is P(the interval of Bin(n, 0.95)/n excludes 0.95) ≤ 5%, checked by simulation")
    func falseAlarmRateMatchesSimulation() {
        for n in [5, 11, 30] {
            let exact = CurveCoverageTest.falseAlarmRate(points: n, coverage: 0.95)
            // Coverage alone (indicative z): the test at 5%.
            // Which counts the test rejects: the interval [0, U(k)] of k of n excludes 0.95.
            let rejected = (0...n).map { k in CurveCoverageTest(zScores: [], coveredFlags: (0..<n).map { $0 < k }).rejects }
            var state: UInt64 = 12345
            var alarms = 0
            let trials = 20000
            for _ in 0..<trials {
                var covered = 0
                for _ in 0..<n {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    if Double(state >> 11) * 0x1p-53 < 0.95 { covered += 1 }
                }
                if rejected[covered] { alarms += 1 }
            }
            let rate = Double(alarms) / Double(trials)
            let se = (exact * (1 - exact) / Double(trials)).squareRoot()
            #expect(abs(rate - exact) < 4 * se + 1e-3, "n = \(n): simulated \(rate), exact \(exact)")
            #expect(exact <= 0.05)
        }
    }

    @Test("The χ² tail is exact: P(χ²_k > x) at the tabulated 5% and 2.5% points, and e^(−x/2) for k = 2")
    func chiSquareTailIsExact() {
        // Critical values of χ² (tables, 6 digits): 5% for k = 1, 3, 5, 10; 2.5% for k = 1, 4.
        for (x, k, p) in [(3.841459, 1, 0.05), (7.814728, 3, 0.05), (11.070498, 5, 0.05), (18.307038, 10, 0.05),
                          (5.023886, 1, 0.025), (11.143287, 4, 0.025)] {
            #expect(abs(CurveCoverageTest.chiSquareUpperTail(x, degreesOfFreedom: k) - p) < 1e-6, "k = \(k), x = \(x)")
        }
        for x in [0.1, 1, 7, 40] {
            #expect(abs(CurveCoverageTest.chiSquareUpperTail(x, degreesOfFreedom: 2) - exp(-x / 2)) < 1e-13)
        }
    }

    @Test("The smallest curve the coverage test can reject: n = ⌈ln level / ln 0.05⌉, where P(no point covered) = 0.05^n ≤ level")
    func minimumPoints() {
        #expect(CurveCoverageTest.minimumPoints(level: 0.05) == 1)
        #expect(CurveCoverageTest.minimumPoints(level: 0.025) == 2)
        #expect(CurveCoverageTest.minimumPoints(level: 0.001) == 3)
        // An order-statistic curve (coverage alone, 5%) of one point can reject; a lone covered point cannot disagree.
        #expect(CurveCoverageTest(zScores: [3], coveredFlags: [false]).rejects)
        #expect(!CurveCoverageTest(zScores: [1], coveredFlags: [true]).rejects)
        #expect(CurveCoverageTest(zScores: [], coveredFlags: []).canReject == false)
    }

    /// A row from `z`, its points' median relative half-width 1% against a 5% precision.
    static func row(_ z: [Double]) -> ComparisonRow {
        ComparisonRow(id: "c", group: .ours, curve: "c", test: CurveCoverageTest(zScores: z), medianRelativeHalfWidth: 0.01,
                      precision: SourcedValue(0.05, source: "test"))
    }

    @Test("A prediction off by 3 SE at every point disagrees, from 1 point on (the χ² has the power the coverage lacks)")
    func offByThreeStandardErrorsDisagrees() {
        for n in 1...12 {
            let z = [Double](repeating: 3, count: n)
            #expect(Self.row(z).verdict == .disagree, "n = \(n)")
            #expect(Self.row(z.map { -$0 }).verdict == .disagree, "n = \(n)")
        }
        // With noise, z ~ N(3, 1): the χ² on 3 points, noncentrality 27, rejects at 2.5% with probability > 0.98.
        var rng = SplitMix64(state: 2025)
        var rejected = 0
        let curves = 2000
        for _ in 0..<curves {
            rejected += Self.row((0..<3).map { _ in 3 + StandardNormal.quantile(rng.openUnit()) }).verdict == .disagree ? 1 : 0
        }
        #expect(Double(rejected) / Double(curves) > 0.95, "power at 3 points: \(rejected) of \(curves)")
    }

    @Test("An exact prediction agrees at the nominal rate: false alarms ≤ 5% (binomial bound) at n = 2, 3, 8, 20")
    func exactPredictionAgreesAtTheNominalRate() {
        var rng = SplitMix64(state: 7)
        let curves = 4000
        // If the true false-alarm rate were 5%, the count would exceed 5% + 3.3 SE (≈ 242) with probability < 0.05%.
        let bound = Int((0.05 * Double(curves) + 3.3 * (0.05 * 0.95 * Double(curves)).squareRoot()).rounded(.up))
        for n in [2, 3, 8, 20] {
            var alarms = 0, agreed = 0
            for _ in 0..<curves {
                switch Self.row((0..<n).map { _ in StandardNormal.quantile(rng.openUnit()) }).verdict {
                case .disagree: alarms += 1
                case .agree: agreed += 1
                default: break
                }
            }
            #expect(alarms <= bound, "n = \(n): \(alarms) false alarms of \(curves)")
            #expect(alarms + agreed == curves, "n = \(n): an exact prediction with narrow points is never inconclusive")
        }
    }
}

/// The null's sentence counts in the right number: one point is "the 1 point's 95% CI", never "1 points'".
@Suite struct CurveCoverageTextTests {
    @Test func onePointInTheSingular() {
        #expect(CurveCoverageTest(zScores: [3]).nullText.contains("coverage: the 1 point's 95% CI does not hold the prediction"))
        #expect(CurveCoverageTest(zScores: [0.5]).nullText.contains("coverage: the 1 point's 95% CI holds the prediction"))
        #expect(CurveCoverageTest(zScores: [0.5, 3]).nullText.contains("coverage: 1 of 2 points' 95% CIs hold the prediction"))
    }
}
