/// A two-sided confidence interval [lower, upper] at confidence `level` (e.g. 0.95).
public struct ConfidenceInterval: Sendable, Codable, Hashable {
    /// Lower end of the interval.
    public var lower: Double
    /// Upper end of the interval.
    public var upper: Double
    /// Nominal coverage probability, in (0, 1).
    public var level: Double

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
