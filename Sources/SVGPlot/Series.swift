/// A data series drawn as a line, markers, or both, optionally with vertical error bars.
public struct Series: Sendable, Hashable {
    /// Data points (x, y); points that cannot be placed on the axes are skipped (lines break there).
    public var points: [Point]
    /// Legend text; nil keeps the series out of the legend.
    public var label: String?
    /// Colour; nil takes the next colour of `Color.cycle`.
    public var color: Color?
    /// Line joining the points in order; nil draws no line.
    public var line: LineStyle?
    /// Marker at each point; nil draws none.
    public var marker: Marker?
    /// One error bar per point (nil entries draw none); nil for no error bars.
    public var errorBars: [ErrorBar?]?
    /// Drawing layer: series are drawn by increasing layer (ties in order), so a higher layer lies on top;
    /// the legend keeps the order of `Plot.series`.
    public var layer: Int = 0

    /// A point of a series.
    public struct Point: Sendable, Hashable {
        /// Horizontal data coordinate.
        public var x: Double
        /// Vertical data coordinate.
        public var y: Double
        /// A point from its coordinates.
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// A series from its points and style.
    public init(points: [Point], label: String? = nil, color: Color? = nil, line: LineStyle? = .solid,
                marker: Marker? = nil, errorBars: [ErrorBar?]? = nil) {
        self.points = points
        self.label = label
        self.color = color
        self.line = line
        self.marker = marker
        self.errorBars = errorBars
    }

    /// A series from parallel x and y arrays (extra elements of the longer one are ignored).
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                line: LineStyle? = .solid, marker: Marker? = nil, errorBars: [ErrorBar?]? = nil) {
        self.init(points: zip(x, y).map { Point(x: $0, y: $1) }, label: label, color: color, line: line,
                  marker: marker, errorBars: errorBars)
    }

    /// A line without markers.
    public static func line(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                            style: LineStyle = .solid) -> Series {
        Series(x: x, y: y, label: label, color: color, line: style)
    }

    /// Markers without a line, optionally with error bars.
    public static func scatter(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                               marker: Marker = Marker(), errorBars: [ErrorBar?]? = nil) -> Series {
        Series(x: x, y: y, label: label, color: color, line: nil, marker: marker, errorBars: errorBars)
    }
}
