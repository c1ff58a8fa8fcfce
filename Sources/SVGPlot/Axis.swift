/// One axis of a plot: label, scale and (optionally fixed) range.
public struct Axis: Sendable, Hashable {
    /// Axis title, e.g. "N (features)".
    public var label: String
    /// Linear or logarithmic placement.
    public var scale: AxisScale
    /// Fixed data range; nil chooses it from the data with `padding`.
    public var range: ClosedRange<Double>?
    /// Fraction of the data span (in the scale's coordinate, i.e. decades on a log axis) added on
    /// each side of an automatic range.
    public var padding: Double

    /// An axis; the range is automatic unless given.
    public init(label: String = "", scale: AxisScale = .linear, range: ClosedRange<Double>? = nil,
                padding: Double = 0.05) {
        self.label = label
        self.scale = scale
        self.range = range
        self.padding = padding
    }
}
