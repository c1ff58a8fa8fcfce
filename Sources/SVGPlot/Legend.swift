/// Where the legend box is drawn.
public enum LegendPosition: String, Sendable, Hashable, CaseIterable {
    /// The inside corner that covers the fewest data points.
    case automatic
    /// A fixed inside corner.
    case topRight, topLeft, bottomLeft, bottomRight
    /// Outside the frame, to the right (the plot area shrinks to make room).
    case outsideRight
    /// No legend.
    case hidden
}
