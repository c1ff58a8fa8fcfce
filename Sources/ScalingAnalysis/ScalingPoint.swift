/// One measurement of a scaling curve: loss `y` at scale `x` (N, D or compute C),
/// optionally with the standard error of `y` (used by weighted fits and error bars).
public struct ScalingPoint: Sendable, Codable, Hashable {
    /// The scale variable (e.g. number of features N or data size D).
    public var x: Double
    /// The measured quantity (e.g. mean test loss).
    public var y: Double
    /// Standard error of `y`, if known.
    public var standardError: Double?

    /// A point from its coordinates and optional standard error of `y`.
    public init(x: Double, y: Double, standardError: Double? = nil) {
        self.x = x
        self.y = y
        self.standardError = standardError
    }

    /// A point whose `y` and standard error come from a mean over seeds.
    public init(x: Double, estimate: MeanEstimate) {
        self.init(x: x, y: estimate.mean, standardError: estimate.standardError)
    }
}
