import Foundation
import ScalingAnalysis

/// A predicted curve against a measured one, point by point, as a test with a stated null and a size
/// of at most 5% (docs/theory.md §9).
///
/// Null hypothesis: the prediction is the true value at every point, each point's 95% CI covers it
/// with probability 0.95 and (for standard-normal z-scores) z ~ N(0, 1), independently. Two exact tests
/// then decide, each at its share of the 5%:
/// - coverage: the number of points whose CI holds the prediction is Binomial(n, 0.95); reject when
///   P(Bin(n, 0.95) ≤ covered) ≤ its share, i.e. when the exact one-sided interval [0, U] of the
///   covered fraction (Clopper–Pearson at 1 − share) excludes 0.95;
/// - χ² (only when the z-scores are standard normal under the null): Σ z² ~ χ²_n; reject when
///   P(χ²_n > Σ z²) ≤ its share. This is the test with power when every point misses a little.
/// With both, each has 2.5% (Bonferroni: size ≤ 5%); coverage alone has 5%. Points that share seeds
/// (one training set across N) are not independent, so the size is the size for independent points.
public struct CurveCoverageTest: Sendable, Codable, Hashable {
    /// (predicted − measured)/SE at each judged point, in curve order.
    public let zScores: [Double]
    /// Points whose 95% CI holds the prediction (|z| ≤ 1.96, or the point's own interval holds it).
    public let covered: Int
    /// Points judged.
    public let points: Int
    /// The coverage each point's CI promises under the null.
    public let nominalCoverage: Double
    /// Whether the z-scores are standard normal under the null (a mean and its SE), so the χ² decides;
    /// false for indicative z (e.g. from a median's order-statistic interval), where only coverage decides.
    public let chiSquareDecides: Bool
    /// The coverage test's share of the 5% size: 2.5% when the χ² also decides, else 5%.
    public let coverageLevel: Double
    /// U of the exact one-sided interval [0, U] of covered/points at confidence 1 − `coverageLevel`
    /// (Clopper–Pearson; nil without points).
    public let upperBound: Double?
    /// The exact size of the coverage test: P(Bin(n, 0.95) ≤ k*), k* the largest rejected count.
    public let falseAlarmRate: Double
    /// Σ z², a χ² with `points` degrees of freedom under the null, and its exact upper-tail p-value.
    public let chiSquare: Double
    public let chiSquarePValue: Double?

    /// The interval [0, U], nil without points.
    public var interval: (lower: Double, upper: Double)? { upperBound.map { (0, $0) } }

    /// The test from standard-normal z-scores (a mean against its SE): |z| ≤ 1.96 is covered, and the χ² decides.
    public init(zScores: [Double]) {
        self.init(zScores: zScores, coveredFlags: zScores.map { abs($0) <= 1.959964 }, chiSquareDecides: true)
    }

    /// The test from each point's z-score (for the report) and whether its own CI holds the prediction
    /// (e.g. an order-statistic interval of a median, where z is only indicative and the χ² does not decide).
    public init(zScores: [Double], coveredFlags: [Bool], chiSquareDecides: Bool = false) {
        self.zScores = zScores
        points = coveredFlags.count
        covered = coveredFlags.filter { $0 }.count
        nominalCoverage = 0.95
        self.chiSquareDecides = chiSquareDecides && zScores.count == coveredFlags.count && !zScores.isEmpty
        coverageLevel = self.chiSquareDecides ? 0.025 : 0.05
        upperBound = points > 0 ? Self.upperBound(count: covered, trials: points, level: coverageLevel) : nil
        falseAlarmRate = Self.falseAlarmRate(points: points, coverage: 0.95, level: coverageLevel)
        chiSquare = zScores.reduce(0) { $0 + $1 * $1 }
        chiSquarePValue = zScores.isEmpty ? nil : Self.chiSquareUpperTail(chiSquare, degreesOfFreedom: zScores.count)
    }

    /// covered/points.
    public var fraction: Double { points > 0 ? Double(covered) / Double(points) : .nan }

    /// The coverage test's exact p-value, P(Bin(n, 0.95) ≤ covered) (nil without points).
    public var coveragePValue: Double? { points > 0 ? BinomialDistribution.cdf(covered, trials: points, probability: nominalCoverage) : nil }

    /// Whether the coverage test rejects: its p-value is at most its level (then its interval [0, U]
    /// excludes 0.95, up to the rounding of U at equality).
    public var coverageRejects: Bool { coveragePValue.map { $0 <= coverageLevel * (1 + 1e-9) } ?? false }

    /// Whether the χ² test rejects (only when it decides): P(χ²_n > Σ z²) ≤ 2.5%.
    public var chiSquareRejects: Bool { chiSquareDecides && (chiSquarePValue.map { $0 <= 0.025 } ?? false) }

    /// Whether the null is rejected by either test (the row disagrees).
    public var rejects: Bool { coverageRejects || chiSquareRejects }

    /// Whether some outcome could reject at all: the χ² decides, or there are at least
    /// `minimumPoints(level:)` points for the coverage test.
    public var canReject: Bool { chiSquareDecides || points >= Self.minimumPoints(level: coverageLevel) }

    /// The smallest n at which an exact test of size ≤ `level` can reject 0.95 at all: the count 0 has
    /// probability 0.05^n under the null, so n = ⌈ln level / ln 0.05⌉ (1 at 5%, 2 at 2.5%).
    public static func minimumPoints(level: Double) -> Int {
        Int((log(level) / log(0.05) - 1e-12).rounded(.up))
    }

    /// The one-sided Clopper–Pearson upper bound U of a proportion at confidence 1 − `level`,
    /// P(Bin(n, U) ≤ k) = level (1 when k = n).
    public static func upperBound(count k: Int, trials n: Int, level: Double = 0.05) -> Double {
        guard k < n else { return 1 }
        var lo = Double(k) / Double(n), hi = 1.0
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if BinomialDistribution.cdf(k, trials: n, probability: mid) > level { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// The exact size of the coverage test at `level`: P(Bin(n, `coverage`) ≤ k*), k* the largest count
    /// whose p-value P(Bin(n, `coverage`) ≤ k*) is at most `level`.
    public static func falseAlarmRate(points n: Int, coverage p: Double, level: Double = 0.05) -> Double {
        var size = 0.0
        for k in 0..<max(0, n) {
            let cdf = BinomialDistribution.cdf(k, trials: n, probability: p)
            guard cdf <= level * (1 + 1e-9) else { break }
            size = cdf
        }
        return size
    }

    /// P(χ²_k > x) = Q(k/2, x/2), exact (regularized upper incomplete gamma, `IncompleteGamma`).
    static func chiSquareUpperTail(_ x: Double, degreesOfFreedom k: Int) -> Double {
        exp(IncompleteGamma.logUpperRegularized(Double(k) / 2, x / 2))
    }

    /// The null, both tests and their sizes, in one sentence for the report.
    public var nullText: String {
        let held = points == 1 ? "the 1 point's 95% CI \(covered == 1 ? "holds" : "does not hold")" : "\(covered) of \(points) points' 95% CIs hold"
        let coverage = "coverage: \(held) the prediction (Binomial(\(points), 0.95) expects \(String(format: "%.1f", 0.95 * Double(points))); exact P(Bin ≤ \(covered)) = \(String(format: "%.2g", BinomialDistribution.cdf(covered, trials: points, probability: 0.95))), rejects at ≤ \(Self.percent(coverageLevel)), exact size \(Self.percent(falseAlarmRate)))"
        let chi = "χ² = \(String(format: "%.1f", chiSquare)) on \(zScores.count) dof" + (chiSquarePValue.map { String(format: " (exact p = %.2g)", $0) } ?? "")
            + (chiSquareDecides ? ", rejects at ≤ 2.5%" : " (indicative z: printed, not deciding)")
        var text = "null: the prediction is right at every point, independently; \(coverage); \(chi)"
        if chiSquareDecides { text += "; disagree when either rejects (size ≤ 5%, Bonferroni)" }
        if !canReject {
            text += "; fewer than \(Self.minimumPoints(level: coverageLevel)) points: an exact binomial test of size ≤ \(Self.percent(coverageLevel)) cannot reject, so the row is inconclusive"
        }
        return text
    }

    static func percent(_ x: Double) -> String { String(format: "%.3g%%", 100 * x) }

    /// The per-point z-scores, signed, as "+0.3, −1.2, …".
    public var zText: String {
        zScores.map { String(format: "%+.1f", $0) }.joined(separator: ", ")
    }
}
