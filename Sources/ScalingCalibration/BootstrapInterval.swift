/// A bootstrap summary of one quantity: the full-data estimate, the 95% percentile interval, the one-sided
/// 95% lower bound (the 5% quantile) and the standard deviation over resamples.
public struct BootstrapInterval: Sendable, Codable, Hashable {
    /// Which quantity.
    public var quantity: CalibratedQuantity
    /// Its value at the fit to all runs.
    public var estimate: Double
    /// The 2.5% quantile over resamples.
    public var lower: Double
    /// The 97.5% quantile over resamples.
    public var upper: Double
    /// The 5% quantile over resamples: the quantity exceeds it with 95% confidence (one-sided).
    public var oneSidedLower: Double
    /// The standard deviation over resamples.
    public var standardError: Double

    /// Whether `value` lies in [lower, upper].
    public func covers(_ value: Double) -> Bool { lower <= value && value <= upper }
}
