import Foundation
import ScalingAnalysis

/// A predicted curve against a measured one, point by point, as a test with a stated null.
///
/// Null hypothesis: the prediction is the true value at every point and each point's 95% CI covers it
/// with probability 0.95, independently. The number of points whose CI holds the prediction is then
/// Binomial(n, 0.95). The row compares the measured fraction k/n with 0.95 through its exact one-sided
/// 95% interval [0, U] (Clopper–Pearson: P(Bin(n, U) ≤ k) = 0.05), by the shared CI rule: 0.95 > U
/// exactly when P(Bin(n, 0.95) ≤ k) < 0.05, an exact binomial test. `falseAlarmRate` is that test's
/// size, P(Bin(n, 0.95) ≤ k*) ≤ 5% (k* the largest rejected count). Points that share seeds (one
/// training set across N) are not independent, so the rate is the rate for independent points.
public struct CurveCoverageTest: Sendable, Codable, Hashable {
    /// (predicted − measured)/SE at each judged point, in curve order.
    public let zScores: [Double]
    /// Points whose 95% CI holds the prediction (|z| ≤ 1.96, or the point's own interval holds it).
    public let covered: Int
    /// Points judged.
    public let points: Int
    /// The coverage each point's CI promises under the null.
    public let nominalCoverage: Double
    /// U of the exact one-sided 95% interval [0, U] of covered/points (Clopper–Pearson; nil without points).
    public let upperBound: Double?

    /// The interval [0, U], nil without points.
    public var interval: (lower: Double, upper: Double)? { upperBound.map { (0, $0) } }
    /// P(the interval of Binomial(n, 0.95)/n excludes 0.95): the row's false-alarm rate (≤ 5%).
    public let falseAlarmRate: Double
    /// Σ z², a χ² with `points` degrees of freedom under the null, and its upper-tail p-value
    /// (Wilson–Hilferty cube-root approximation, absolute error below 0.01 for k ≥ 3).
    public let chiSquare: Double
    public let chiSquarePValue: Double?

    /// The test from each point's z-score (|z| ≤ 1.96 is covered).
    public init(zScores: [Double]) {
        self.init(zScores: zScores, coveredFlags: zScores.map { abs($0) <= 1.959964 })
    }

    /// The test from each point's z-score (for the report) and whether its own CI holds the prediction
    /// (e.g. an order-statistic interval of a median, where z is only indicative).
    public init(zScores: [Double], coveredFlags: [Bool]) {
        self.zScores = zScores
        points = coveredFlags.count
        covered = coveredFlags.filter { $0 }.count
        nominalCoverage = 0.95
        upperBound = points > 0 ? Self.upperBound(count: covered, trials: points) : nil
        falseAlarmRate = Self.falseAlarmRate(points: points, coverage: 0.95)
        chiSquare = zScores.reduce(0) { $0 + $1 * $1 }
        chiSquarePValue = zScores.isEmpty ? nil : Self.chiSquareUpperTail(chiSquare, degreesOfFreedom: zScores.count)
    }

    /// covered/points.
    public var fraction: Double { points > 0 ? Double(covered) / Double(points) : .nan }

    /// P(Bin(n, p) ≤ k), summed in log space.
    static func binomialCDF(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        var sum = 0.0
        for j in 0...k {
            sum += exp(lgamma(Double(n + 1)) - lgamma(Double(j + 1)) - lgamma(Double(n - j + 1))
                       + Double(j) * log(p) + Double(n - j) * log1p(-p))
        }
        return min(1, sum)
    }

    /// The one-sided 95% Clopper–Pearson upper bound U of a proportion, P(Bin(n, U) ≤ k) = 0.05 (1 when k = n).
    public static func upperBound(count k: Int, trials n: Int) -> Double {
        guard k < n else { return 1 }
        var lo = Double(k) / Double(n), hi = 1.0
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if binomialCDF(k, trials: n, probability: mid) > 0.05 { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// The exact size of the test: P(Bin(n, `coverage`) ≤ k*), k* the largest count whose upper bound
    /// lies below `coverage`.
    public static func falseAlarmRate(points n: Int, coverage p: Double) -> Double {
        guard n > 0 else { return 0 }
        var rejected = -1
        while rejected + 1 < n && upperBound(count: rejected + 1, trials: n) < p { rejected += 1 }
        return binomialCDF(rejected, trials: n, probability: p)
    }

    /// P(χ²_k > x) by the Wilson–Hilferty approximation: (x/k)^(1/3) is nearly normal with mean
    /// 1 − 2/(9k) and variance 2/(9k).
    static func chiSquareUpperTail(_ x: Double, degreesOfFreedom k: Int) -> Double {
        let v = 2 / (9 * Double(k))
        return 1 - StandardNormal.cdf((pow(x / Double(k), 1.0 / 3) - (1 - v)) / v.squareRoot())
    }

    /// The null and its false-alarm rate, in one sentence for the report.
    public var nullText: String {
        "null: each point's 95% CI holds the prediction, independently (\(covered) of \(points) do; Binomial(\(points), 0.95) expects \(String(format: "%.1f", 0.95 * Double(points))); exact test P(Bin ≤ \(covered)) = \(String(format: "%.2g", Self.binomialCDF(covered, trials: points, probability: 0.95)))); "
            + "false-alarm rate \(String(format: "%.1f%%", 100 * falseAlarmRate)); χ² = \(String(format: "%.1f", chiSquare)) on \(zScores.count) dof"
            + (chiSquarePValue.map { String(format: " (p = %.2g)", $0) } ?? "")
    }

    /// The per-point z-scores, signed, as "+0.3, −1.2, …".
    public var zText: String {
        zScores.map { String(format: "%+.1f", $0) }.joined(separator: ", ")
    }
}
