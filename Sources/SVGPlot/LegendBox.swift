import Foundation

/// A legend box: rows of a sample (fill swatch, line, marker) and text, measured and drawn the same way
/// for a panel's own legend and for a figure's shared one.
struct LegendBox {
    /// The rows, in order.
    let entries: [LegendEntry]
    /// Text size in pixels.
    let fontSize: Double

    /// Inner padding and the width of a row's sample.
    static let padding = 7.0
    static let sampleWidth = 30.0

    /// Row height.
    var rowHeight: Double { fontSize * 1.45 }

    /// Width and height in pixels, nil without entries.
    var size: (width: Double, height: Double)? {
        guard !entries.isEmpty else { return nil }
        let textWidth = entries.map { SVGWriter.textWidth($0.label, fontSize: fontSize) }.max() ?? 0
        return (2 * Self.padding + Self.sampleWidth + 6 + textWidth,
                2 * Self.padding + Double(entries.count) * rowHeight - 0.3 * fontSize)
    }

    /// Draws the box with its top-left corner at `o`.
    func draw(at o: (x: Double, y: Double), into w: inout SVGWriter) {
        guard let size else { return }
        let n = SVGWriter.number
        w.line("<g>")
        w.line("<rect x=\"\(n(o.x))\" y=\"\(n(o.y))\" width=\"\(n(size.width))\" height=\"\(n(size.height))\" fill=\"#FFFFFF\" fill-opacity=\"0.9\" stroke=\"#B0B0B0\" stroke-width=\"0.8\" rx=\"2\"/>")
        let pad = Self.padding, sample = Self.sampleWidth
        for (i, e) in entries.enumerated() {
            let cy = o.y + pad + (Double(i) + 0.5) * rowHeight - 0.15 * fontSize
            let x0 = o.x + pad
            let color = SVGWriter.escape(e.color.svgValue)
            if let opacity = e.swatchOpacity {
                let fill = SVGWriter.escape((e.swatchColor ?? e.color).svgValue)
                let outline = e.swatchOutline.map { "stroke=\"\(fill)\" \($0.attributes)" } ?? "stroke=\"none\""
                w.line("<rect x=\"\(n(x0))\" y=\"\(n(cy - 0.4 * fontSize))\" width=\"\(n(sample))\" height=\"\(n(0.8 * fontSize))\" fill=\"\(fill)\" fill-opacity=\"\(n(opacity))\" \(outline)/>")
            }
            if let line = e.line {
                w.line("<line x1=\"\(n(x0))\" y1=\"\(n(cy))\" x2=\"\(n(x0 + sample))\" y2=\"\(n(cy))\" stroke=\"\(color)\" \(line.attributes)/>")
            }
            if let marker = e.marker {
                w.line(marker.markup(x: x0 + sample / 2, y: cy, color: e.color))
            }
            w.line("<text x=\"\(n(x0 + sample + 6))\" y=\"\(n(cy + 0.35 * fontSize))\" font-size=\"\(n(fontSize))\">\(RichText.markup(e.label))</text>")
        }
        w.line("</g>")
    }
}
