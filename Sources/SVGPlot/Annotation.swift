/// Free text placed at a data coordinate.
public struct Annotation: Sendable, Hashable {
    /// Horizontal alignment of the text relative to its position.
    public enum Anchor: String, Sendable, Hashable {
        /// Text begins, is centred on, or ends at the position.
        case start, middle, end
    }
    /// The text (escaped on output).
    public var text: String
    /// Position in data units; skipped when not drawable on the axes.
    public var position: Series.Point
    /// Alignment.
    public var anchor: Anchor
    /// Font size in pixels; nil uses the plot's font size.
    public var fontSize: Double?
    /// Colour.
    public var color: Color

    /// An annotation at (x, y).
    public init(_ text: String, x: Double, y: Double, anchor: Anchor = .start, fontSize: Double? = nil,
                color: Color = .black) {
        self.text = text
        self.position = Series.Point(x: x, y: y)
        self.anchor = anchor
        self.fontSize = fontSize
        self.color = color
    }
}
