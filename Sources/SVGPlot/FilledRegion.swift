/// A shaded polygon in the data plane, e.g. one regime of a phase diagram, with an optional
/// label drawn inside it and an optional legend entry.
public struct FilledRegion: Sendable, Hashable {
    /// Polygon vertices (x, y) in data units, in order; vertices not drawable on the axes are dropped.
    public var vertices: [Series.Point]
    /// Fill colour.
    public var color: Color
    /// Fill opacity in [0, 1].
    public var opacity: Double
    /// Text drawn inside the region; nil for none.
    public var label: String?
    /// Where the label goes (data units); nil uses the mean of the visible vertices.
    public var labelPosition: Series.Point?
    /// Legend text; nil keeps the region out of the legend.
    public var legendLabel: String?
    /// Whether the vertices take part in automatic axis ranges (false lets a region extend far
    /// beyond the data and be clipped at the frame).
    public var includeInAutoRange: Bool
    /// The polygon's outline in `color` (also drawn on its legend swatch); nil for none.
    public var outline: LineStyle?

    /// A region from its vertices and style.
    public init(vertices: [Series.Point], color: Color, opacity: Double = 0.25, label: String? = nil,
                labelPosition: Series.Point? = nil, legendLabel: String? = nil,
                includeInAutoRange: Bool = true, outline: LineStyle? = nil) {
        self.vertices = vertices
        self.color = color
        self.opacity = opacity
        self.label = label
        self.labelPosition = labelPosition
        self.legendLabel = legendLabel
        self.includeInAutoRange = includeInAutoRange
        self.outline = outline
    }
}
