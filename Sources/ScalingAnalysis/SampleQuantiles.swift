import Foundation

/// The median, the 10% and 90% quantiles of repeated measurements (e.g. one loss per seed), a
/// distribution-free 95% interval for the median, and how much the largest sample dominates the sum:
/// the statistics that stay meaningful where a mean does not (heavy tails, docs/theory.md §6.1).
public struct SampleQuantiles: Sendable, Codable, Hashable {
    /// The median (the 50% quantile below).
    public let median: Double
    /// The 10% quantile.
    public let quantile10: Double
    /// The 90% quantile.
    public let quantile90: Double
    /// Order statistics [x₍ⱼ₎, x₍ₙ₊₁₋ⱼ₎] that cover the median with probability ≥ 95% for any
    /// continuous law (binomial(n, ½) coverage); nil below 6 samples, where no such pair exists.
    public let medianInterval: ConfidenceInterval?
    /// The largest sample's share of the sum, max xᵢ / Σ xᵢ (nil unless every sample is ≥ 0 and the sum > 0).
    public let largestShare: Double?
    /// Number of samples.
    public let count: Int

    /// The statistics of `samples`; throws for an empty list or non-finite values.
    /// Quantiles interpolate linearly between order statistics (NumPy's and pandas' default, "type 7").
    public init(samples: [Double]) throws(AnalysisError) {
        try AnalysisError.checkFiniteSamples(samples, what: "sample quantiles")
        let sorted = samples.sorted()
        count = sorted.count
        median = Self.quantile(sorted, 0.5)
        quantile10 = Self.quantile(sorted, 0.1)
        quantile90 = Self.quantile(sorted, 0.9)
        medianInterval = Self.medianInterval(sorted, confidence: 0.95)
        let sum = sorted.reduce(0, +)
        largestShare = sorted[0] >= 0 && sum > 0 ? sorted[sorted.count - 1] / sum : nil
    }

    /// The p-quantile of ascending `sorted` by linear interpolation at position (n − 1)·p.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty && p >= 0 && p <= 1, "quantile of an empty sample or p outside [0, 1]")
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(sorted.count - 1, lower + 1)
        let t = position - Double(lower)
        return sorted[lower] + t * (sorted[upper] - sorted[lower])
    }

    /// The narrowest symmetric order-statistic interval [x₍ⱼ₎, x₍ₙ₊₁₋ⱼ₎] whose coverage of the median,
    /// 1 − 2·P(Bin(n, ½) ≤ j − 1), is at least `confidence`; nil when even j = 1 falls short.
    static func medianInterval(_ sorted: [Double], confidence: Double) -> ConfidenceInterval? {
        quantileInterval(sorted, 0.5, confidence: confidence)
    }

    /// The equal-tailed order-statistic interval [x₍ⱼ₎, x₍ₖ₎] that covers the p-quantile of any continuous law
    /// with probability P(j ≤ Bin(n, p) ≤ k − 1) ≥ `confidence`: j the largest rank with P(Bin ≤ j − 1) ≤ (1 − c)/2,
    /// k the smallest with P(Bin ≤ k − 1) ≥ (1 + c)/2; nil when either rank falls outside 1…n.
    public static func quantileInterval(_ sorted: [Double], _ p: Double, confidence: Double) -> ConfidenceInterval? {
        let n = sorted.count, tail = (1 - confidence) / 2
        guard n > 0 else { return nil }
        // j − 1 = the largest m with F(m) ≤ tail, i.e. one below the smallest m with F(m) > tail.
        var (low, high) = (0, n)
        while low < high {
            let mid = (low + high) / 2
            if BinomialDistribution.cdf(mid, trials: n, probability: p) > tail { high = mid } else { low = mid + 1 }
        }
        let j = low
        let k = BinomialDistribution.quantile(1 - tail, trials: n, probability: p) + 1
        guard j >= 1, k <= n else { return nil }
        return ConfidenceInterval(lower: sorted[j - 1], upper: sorted[k - 1], level: confidence)
    }
}
