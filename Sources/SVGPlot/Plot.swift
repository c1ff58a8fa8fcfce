/// One panel: axes with ticks and labels, and everything drawn in it (regions, reference lines,
/// series, annotations) plus a legend.
public struct Plot: Sendable, Hashable {
    /// Panel title drawn above the frame; nil for none.
    public var title: String?
    /// Horizontal axis.
    public var xAxis: Axis
    /// Vertical axis.
    public var yAxis: Axis
    /// Data series, drawn in order above regions and reference lines.
    public var series: [Series]
    /// Shaded regions (drawn first, beneath everything else).
    public var regions: [FilledRegion]
    /// Vertical and horizontal reference lines.
    public var referenceLines: [ReferenceLine]
    /// Text annotations (drawn last, above the data).
    public var annotations: [Annotation]
    /// Legend placement.
    public var legendPosition: LegendPosition
    /// Light grid lines at the major ticks.
    public var showGrid: Bool
    /// Base font size in pixels (tick labels; titles are larger).
    public var fontSize: Double

    /// A panel; empty unless contents are given.
    public init(title: String? = nil, xAxis: Axis = Axis(), yAxis: Axis = Axis(), series: [Series] = [],
                regions: [FilledRegion] = [], referenceLines: [ReferenceLine] = [],
                annotations: [Annotation] = [], legendPosition: LegendPosition = .automatic,
                showGrid: Bool = false, fontSize: Double = 13) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.regions = regions
        self.referenceLines = referenceLines
        self.annotations = annotations
        self.legendPosition = legendPosition
        self.showGrid = showGrid
        self.fontSize = fontSize
    }

    /// This panel alone as a standalone SVG document of the given size in pixels.
    public func svg(width: Double = 640, height: Double = 480) -> String {
        Figure(width: width, height: height, plots: [self]).svg()
    }

    /// Series colours after filling unset ones from `Color.cycle` in order.
    var resolvedSeriesColors: [Color] {
        var next = 0
        return series.map { s in
            if let c = s.color { return c }
            defer { next += 1 }
            return Color.cycle[next % Color.cycle.count]
        }
    }
}
