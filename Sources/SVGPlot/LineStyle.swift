/// The stroke of a line: dash pattern and width in pixels.
public struct LineStyle: Sendable, Hashable {
    /// Dash patterns for lines.
    public enum Dash: String, Sendable, Hashable {
        /// Continuous, long dashes, round dots, dash–dot.
        case solid, dashed, dotted, dashDotted
    }
    /// The dash pattern.
    public var dash: Dash
    /// Stroke width in pixels.
    public var width: Double

    /// A line style; solid 1.6 px by default.
    public init(dash: Dash = .solid, width: Double = 1.6) {
        self.dash = dash
        self.width = width
    }

    /// Solid 1.6 px.
    public static let solid = LineStyle()
    /// Dashed 1.6 px (fits, predictions).
    public static let dashed = LineStyle(dash: .dashed)
    /// Dotted 1.6 px.
    public static let dotted = LineStyle(dash: .dotted)

    /// SVG attributes for this stroke (`stroke-width`, `stroke-dasharray`).
    var attributes: String {
        let w = SVGWriter.number(width)
        switch dash {
        case .solid: return "stroke-width=\"\(w)\""
        case .dashed: return "stroke-width=\"\(w)\" stroke-dasharray=\"\(SVGWriter.number(4 * width)) \(SVGWriter.number(2.5 * width))\""
        case .dotted: return "stroke-width=\"\(w)\" stroke-dasharray=\"0.1 \(SVGWriter.number(2.2 * width))\" stroke-linecap=\"round\""
        case .dashDotted: return "stroke-width=\"\(w)\" stroke-dasharray=\"\(SVGWriter.number(4 * width)) \(SVGWriter.number(2 * width)) 0.1 \(SVGWriter.number(2 * width))\" stroke-linecap=\"round\""
        }
    }
}
