/// One row of a legend: a sample of the line, marker or fill, and its text.
struct LegendEntry: Sendable, Hashable {
    var label: String
    var color: Color
    var line: LineStyle?
    var marker: Marker?
    /// Fill opacity of a swatch for a filled region; nil when the entry has no swatch.
    var swatchOpacity: Double?
    /// The swatch's colour when it differs from `color`; nil: `color`.
    var swatchColor: Color? = nil
    /// The swatch's outline (the region's); nil for none.
    var swatchOutline: LineStyle? = nil
}

extension Plot {
    /// Legend rows: labelled regions, then labelled series, then reference lines shown in the legend. A
    /// series whose label equals a region's joins that region's row (one row: swatch, line and marker).
    var legendEntries: [LegendEntry] {
        var entries: [LegendEntry] = []
        for r in regions {
            if let label = r.legendLabel {
                entries.append(LegendEntry(label: label, color: r.color, swatchOpacity: r.opacity, swatchOutline: r.outline))
            }
        }
        for (s, color) in zip(series, resolvedSeriesColors) {
            guard let label = s.label else { continue }
            if let i = entries.firstIndex(where: { $0.label == label && $0.swatchOpacity != nil && $0.line == nil && $0.marker == nil }) {
                entries[i].swatchColor = entries[i].color
                entries[i].color = color
                entries[i].line = s.line
                entries[i].marker = s.marker
            } else {
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

    /// Size of the legend box, nil when there are no entries or the legend is hidden.
    func legendSize() -> (width: Double, height: Double)? {
        guard legendPosition != .hidden else { return nil }
        return LegendBox(entries: legendEntries, fontSize: fontSize).size
    }
}
