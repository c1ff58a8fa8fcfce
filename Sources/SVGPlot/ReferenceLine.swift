/// A vertical (x = value) or horizontal (y = value) line across the whole plot area.
public struct ReferenceLine: Sendable, Hashable {
    /// Which way the line runs.
    public enum Orientation: String, Sendable, Hashable {
        /// x = value.
        case vertical
        /// y = value.
        case horizontal
    }
    /// Orientation.
    public var orientation: Orientation
    /// The constant coordinate, in data units.
    public var value: Double
    /// Colour.
    public var color: Color
    /// Stroke style (dashed by default).
    public var style: LineStyle
    /// Text written along the line near its end; nil for none.
    public var label: String?
    /// Whether the line also appears in the legend (with `label`).
    public var showInLegend: Bool

    /// A reference line; gray and dashed by default.
    public init(_ orientation: Orientation, at value: Double, color: Color = .gray,
                style: LineStyle = LineStyle(dash: .dashed, width: 1.2), label: String? = nil,
                showInLegend: Bool = false) {
        self.orientation = orientation
        self.value = value
        self.color = color
        self.style = style
        self.label = label
        self.showInLegend = showInLegend
    }
}
