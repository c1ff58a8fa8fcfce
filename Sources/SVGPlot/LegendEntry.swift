/// One row of a legend: a sample of the line, marker or fill, and its text.
struct LegendEntry: Sendable, Hashable {
    var label: String
    var color: Color
    var line: LineStyle?
    var marker: Marker?
    /// Fill opacity of a swatch for a filled region; nil when the entry is a line/marker.
    var swatchOpacity: Double?
}

extension Plot {
    /// Legend rows: labelled regions, then labelled series, then reference lines shown in the legend.
    var legendEntries: [LegendEntry] {
        var entries: [LegendEntry] = []
        for r in regions {
            if let label = r.legendLabel {
                entries.append(LegendEntry(label: label, color: r.color, swatchOpacity: r.opacity))
            }
        }
        for (s, color) in zip(series, resolvedSeriesColors) {
            if let label = s.label {
                entries.append(LegendEntry(label: label, color: color, line: s.line, marker: s.marker))
            }
        }
        for l in referenceLines where l.showInLegend {
            if let label = l.label {
                entries.append(LegendEntry(label: label, color: l.color, line: l.style))
            }
        }
        return entries
    }

    /// Legend metrics shared by layout and drawing.
    static let legendPadding = 7.0
    static let legendSampleWidth = 30.0

    /// Row height of the legend.
    var legendRowHeight: Double { fontSize * 1.45 }

    /// Size of the legend box, nil when there are no entries or the legend is hidden.
    func legendSize() -> (width: Double, height: Double)? {
        guard legendPosition != .hidden else { return nil }
        let entries = legendEntries
        guard !entries.isEmpty else { return nil }
        let textWidth = entries.map { SVGWriter.textWidth($0.label, fontSize: fontSize) }.max() ?? 0
        return (2 * Self.legendPadding + Self.legendSampleWidth + 6 + textWidth,
                2 * Self.legendPadding + Double(entries.count) * legendRowHeight - 0.3 * fontSize)
    }
}
