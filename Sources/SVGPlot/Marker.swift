/// A point marker: shape, size (diameter in pixels) and whether it is filled.
public struct Marker: Sendable, Hashable {
    /// Marker shapes.
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        /// Circle, square, upward triangle, diamond.
        case circle, square, triangle, diamond
    }
    /// The shape.
    public var shape: Shape
    /// Diameter (side) in pixels.
    public var size: Double
    /// Filled with the series colour (true) or open with a white interior (false).
    public var filled: Bool

    /// A marker; filled circles of 6 px by default.
    public init(_ shape: Shape = .circle, size: Double = 6, filled: Bool = true) {
        self.shape = shape
        self.size = size
        self.filled = filled
    }

    /// SVG markup for the marker centred at (x, y).
    func markup(x: Double, y: Double, color: Color) -> String {
        let fill = filled ? color.svgValue : "#FFFFFF"
        let paint = "fill=\"\(SVGWriter.escape(fill))\" stroke=\"\(SVGWriter.escape(color.svgValue))\" stroke-width=\"1.2\""
        let r = size / 2
        let n = SVGWriter.number
        switch shape {
        case .circle:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(paint)/>"
        case .square:
            return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(size))\" height=\"\(n(size))\" \(paint)/>"
        case .triangle:
            let h = r * 1.15
            return "<polygon points=\"\(n(x)),\(n(y - h)) \(n(x - h)),\(n(y + 0.8 * h)) \(n(x + h)),\(n(y + 0.8 * h))\" \(paint)/>"
        case .diamond:
            let h = r * 1.3
            return "<polygon points=\"\(n(x)),\(n(y - h)) \(n(x + h)),\(n(y)) \(n(x)),\(n(y + h)) \(n(x - h)),\(n(y))\" \(paint)/>"
        }
    }
}
