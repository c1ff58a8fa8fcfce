import ScalingAnalysis

/// The spread of one point's losses over seeds: mean, median and the 10% and 90% quantiles (linear
/// interpolation between order statistics). Near the double-descent peak the mean is meaningless
/// (docs/theory.md §6.1: E[L] = ∞ there), so the median and quantiles carry the measurement.
package struct LossDistribution: Sendable, Codable, Hashable {
    /// Number of seeds.
    package var count: Int
    /// Sample mean.
    package var mean: Double
    /// Median (50% quantile).
    package var median: Double
    /// 10% quantile.
    package var lower: Double
    /// 90% quantile.
    package var upper: Double
    /// Largest value.
    package var maximum: Double

    /// The distribution of `values` (at least one).
    package init(_ values: [Double]) {
        precondition(!values.isEmpty)
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(sorted.count)
        median = SampleQuantiles.quantile(sorted, 0.5)
        lower = SampleQuantiles.quantile(sorted, 0.1)
        upper = SampleQuantiles.quantile(sorted, 0.9)
        maximum = sorted.last!
    }
}
