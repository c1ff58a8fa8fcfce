/// An sRGB colour written into SVG as a hex string such as "#0072B2".
public struct Color: Sendable, Hashable, Codable {
    /// The SVG colour value (e.g. "#E69F00" or "none").
    public var svgValue: String

    /// A colour from an SVG colour string; characters are XML-escaped on output.
    public init(_ svgValue: String) { self.svgValue = svgValue }

    /// Neutral colours for text, frames and guide lines.
    public static let black = Color("#000000")
    /// White.
    public static let white = Color("#FFFFFF")
    /// Mid gray, the default for reference lines.
    public static let gray = Color("#7F7F7F")
    /// Light gray.
    public static let lightGray = Color("#D9D9D9")

    /// Okabe–Ito palette (Okabe & Ito 2008), distinguishable under common colour-vision deficiencies.
    public static let orange = Color("#E69F00")
    /// Okabe–Ito skyBlue.
    public static let skyBlue = Color("#56B4E9")
    /// Okabe–Ito bluishGreen.
    public static let bluishGreen = Color("#009E73")
    /// Okabe–Ito yellow.
    public static let yellow = Color("#F0E442")
    /// Okabe–Ito blue.
    public static let blue = Color("#0072B2")
    /// Okabe–Ito vermillion.
    public static let vermillion = Color("#D55E00")
    /// Okabe–Ito reddishPurple.
    public static let reddishPurple = Color("#CC79A7")

    /// The default colour cycle: Okabe–Ito, ordered for contrast on white (yellow last).
    public static let cycle: [Color] = [.blue, .vermillion, .bluishGreen, .orange, .reddishPurple,
                                        .skyBlue, .black, .yellow]
}
