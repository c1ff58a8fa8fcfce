import Foundation

/// A standalone SVG figure: an optional title over a grid of panels (`Plot`s) filled row by row.
public struct Figure: Sendable, Hashable {
    /// Width in pixels (also the viewBox width).
    public var width: Double
    /// Height in pixels.
    public var height: Double
    /// Figure title above all panels; nil for none.
    public var title: String?
    /// The panels.
    public var plots: [Plot]
    /// Panels per row; nil chooses ⌈√count⌉.
    public var columns: Int?
    /// One legend for all panels, right of the grid beside the first row (each distinct row once, in
    /// the panels' order), instead of one per panel; panels with a hidden legend add nothing to it.
    public var sharedLegend: Bool

    /// A figure of `width` × `height` pixels.
    public init(width: Double = 640, height: Double = 480, title: String? = nil, plots: [Plot],
                columns: Int? = nil, sharedLegend: Bool = false) {
        self.width = width
        self.height = height
        self.title = title
        self.plots = plots
        self.columns = columns
        self.sharedLegend = sharedLegend
    }

    /// The shared legend, nil unless `sharedLegend` and some panel has legend rows.
    var sharedLegendBox: LegendBox? {
        guard sharedLegend else { return nil }
        var seen = Set<LegendEntry>()
        var entries: [LegendEntry] = []
        for plot in plots where plot.legendPosition != .hidden {
            for entry in plot.legendEntries where seen.insert(entry).inserted { entries.append(entry) }
        }
        guard !entries.isEmpty else { return nil }
        return LegendBox(entries: entries, fontSize: plots.first?.fontSize ?? 13)
    }

    /// Width of the panel grid: the figure's, less the shared legend's column.
    var gridWidth: Double {
        width - (sharedLegendBox?.size.map { $0.width + 24 } ?? 0)
    }

    /// Number of columns and rows of the panel grid.
    var grid: (columns: Int, rows: Int) {
        let count = max(plots.count, 1)
        let c = max(1, min(columns ?? Int(Double(count).squareRoot().rounded(.up)), count))
        return (c, (count + c - 1) / c)
    }

    /// The cell of panel `index` in figure pixels.
    public func cell(_ index: Int) -> Rect {
        let top = title == nil ? 0.0 : 34
        let (c, r) = grid
        let w = gridWidth / Double(c), h = (height - top) / Double(r)
        return Rect(x: Double(index % c) * w, y: top + Double(index / c) * h, width: w, height: h)
    }

    /// The complete SVG document: valid XML, generic font family, no external resources. Every id
    /// in it starts with `idPrefix` (default: "fig-" and a hash of the drawing), so several figures
    /// inlined in one HTML page never share an id (a repeated clip-path id makes the browser clip
    /// every figure to the first one's frame).
    public func svg(idPrefix: String? = nil) -> String {
        if let idPrefix { return svg(prefix: SVGWriter.identifier(idPrefix)) }
        let placeholder = "\u{1}id\u{1}"
        let draft = svg(prefix: placeholder)
        return draft.replacingOccurrences(of: placeholder, with: "fig-\(SVGWriter.stableHash(draft))-")
    }

    private func svg(prefix: String) -> String {
        var w = SVGWriter()
        let n = SVGWriter.number
        w.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        w.line("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"sans-serif\">")
        w.line("<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#FFFFFF\"/>")
        if let title {
            w.line("<text x=\"\(n(width / 2))\" y=\"24\" font-size=\"17\" font-weight=\"bold\" text-anchor=\"middle\">\(RichText.markup(title))</text>")
        }
        let shared = sharedLegendBox
        var legendTop: Double?
        for (i, original) in plots.enumerated() {
            var plot = original
            if shared != nil { plot.legendPosition = .hidden }
            let cell = cell(i)
            let layout = plot.layout(width: cell.width, height: cell.height)
            if legendTop == nil { legendTop = cell.y + layout.plotArea.minY }
            w.line("<g transform=\"translate(\(n(cell.x)),\(n(cell.y)))\">")
            PlotRenderer(plot: plot, layout: layout, clipID: "\(prefix)plot-area-\(i)").render(into: &w)
            w.line("</g>")
        }
        shared?.draw(at: (gridWidth + 12, legendTop ?? 0), into: &w)
        w.line("</svg>")
        return w.output
    }

    /// Writes `svg(idPrefix:)` to `url` (UTF-8).
    public func write(to url: URL, idPrefix: String? = nil) throws {
        try svg(idPrefix: idPrefix).write(to: url, atomically: true, encoding: .utf8)
    }
}
