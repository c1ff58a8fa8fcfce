import Foundation

/// Draws one plot into an SVG writer, in the coordinates of its cell.
struct PlotRenderer {
    let plot: Plot
    let layout: PlotLayout
    /// Unique id of this panel's clip path within the document.
    let clipID: String

    var area: Rect { layout.plotArea }
    var fontSize: Double { plot.fontSize }
    let n = SVGWriter.number

    func render(into w: inout SVGWriter) {
        w.line("<defs><clipPath id=\"\(clipID)\"><rect x=\"\(n(area.x))\" y=\"\(n(area.y))\" width=\"\(n(area.width))\" height=\"\(n(area.height))\"/></clipPath></defs>")
        if plot.showGrid { drawGrid(into: &w) }
        w.line("<g clip-path=\"url(#\(clipID))\">")
        drawRegions(into: &w)
        drawReferenceLines(into: &w)
        drawSeries(into: &w)
        w.line("</g>")
        w.line("<rect x=\"\(n(area.x))\" y=\"\(n(area.y))\" width=\"\(n(area.width))\" height=\"\(n(area.height))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>")
        drawTicks(into: &w)
        drawAxisLabels(into: &w)
        drawReferenceLineLabels(into: &w)
        drawRegionLabels(into: &w)
        drawAnnotations(into: &w)
        drawLegend(into: &w)
    }

    // MARK: Frame, ticks and labels

    func drawGrid(into w: inout SVGWriter) {
        var d = ""
        for t in layout.xTicks where t.isMajor {
            if let px = layout.x.pixel(t.value), px > area.minX + 0.5, px < area.maxX - 0.5 {
                d += "M\(n(px)),\(n(area.minY))V\(n(area.maxY))"
            }
        }
        for t in layout.yTicks where t.isMajor {
            if let py = layout.y.pixel(t.value), py > area.minY + 0.5, py < area.maxY - 0.5 {
                d += "M\(n(area.minX)),\(n(py))H\(n(area.maxX))"
            }
        }
        if !d.isEmpty { w.line("<path d=\"\(d)\" fill=\"none\" stroke=\"#E3E3E3\" stroke-width=\"0.8\"/>") }
    }

    /// Ticks whose labels would overlap are thinned: keep every k-th labelled tick.
    static func thinnedLabels(_ ticks: [(Tick, Double)], minimumSpacing: (TickLabel) -> Double) -> Set<Int> {
        let labelled = ticks.enumerated().filter { $0.element.0.label != nil }
        guard labelled.count > 1 else { return Set(labelled.map(\.offset)) }
        for step in 1...labelled.count {
            let kept = stride(from: 0, to: labelled.count, by: step).map { labelled[$0] }
            let fits = zip(kept, kept.dropFirst()).allSatisfy { a, b in
                let need = (minimumSpacing(a.element.0.label!) + minimumSpacing(b.element.0.label!)) / 2
                return abs(b.element.1 - a.element.1) >= need
            }
            if fits { return Set(kept.map(\.offset)) }
        }
        return [labelled[0].offset]
    }

    func drawTicks(into w: inout SVGWriter) {
        let major = 5.0, minor = 3.0
        var d = ""
        let xs = layout.xTicks.compactMap { t in layout.x.pixel(t.value).map { (t, $0) } }
            .filter { $0.1 >= area.minX - 0.5 && $0.1 <= area.maxX + 0.5 }
        let ys = layout.yTicks.compactMap { t in layout.y.pixel(t.value).map { (t, $0) } }
            .filter { $0.1 >= area.minY - 0.5 && $0.1 <= area.maxY + 0.5 }
        for (t, px) in xs { d += "M\(n(px)),\(n(area.maxY))v\(n(t.isMajor ? major : minor))" }
        for (t, py) in ys { d += "M\(n(area.minX)),\(n(py))h\(n(-(t.isMajor ? major : minor)))" }
        w.line("<path d=\"\(d)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>")
        let f = fontSize
        let xKeep = Self.thinnedLabels(xs) { SVGWriter.labelWidth($0, fontSize: f) + 6 }
        let hasSuperscript = xs.contains { $0.0.label?.superscript != nil }
        let xBaseline = area.maxY + major + 3 + f * (hasSuperscript ? 1.15 : 0.9)
        for (i, (t, px)) in xs.enumerated() where xKeep.contains(i) {
            w.line("<text x=\"\(n(px))\" y=\"\(n(xBaseline))\" font-size=\"\(n(f))\" text-anchor=\"middle\">\(SVGWriter.labelMarkup(t.label!))</text>")
        }
        let yKeep = Self.thinnedLabels(ys) { _ in f * 1.25 }
        for (i, (t, py)) in ys.enumerated() where yKeep.contains(i) {
            w.line("<text x=\"\(n(area.minX - major - 3))\" y=\"\(n(py + 0.35 * f))\" font-size=\"\(n(f))\" text-anchor=\"end\">\(SVGWriter.labelMarkup(t.label!))</text>")
        }
    }

    func drawAxisLabels(into w: inout SVGWriter) {
        let f = fontSize
        let labelSize = 1.08 * f
        if !plot.xAxis.label.isEmpty {
            let hasSuperscript = layout.xTicks.contains { $0.label?.superscript != nil }
            let y = area.maxY + 5 + 4 + f * (hasSuperscript ? 1.3 : 1.0) + 1.15 * labelSize
            w.line("<text x=\"\(n(area.x + area.width / 2))\" y=\"\(n(y))\" font-size=\"\(n(labelSize))\" text-anchor=\"middle\">\(RichText.markup(plot.xAxis.label))</text>")
        }
        if !plot.yAxis.label.isEmpty {
            let x = 8 + labelSize
            let y = area.y + area.height / 2
            w.line("<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(labelSize))\" text-anchor=\"middle\" transform=\"rotate(-90 \(n(x)) \(n(y)))\">\(RichText.markup(plot.yAxis.label))</text>")
        }
        if let title = plot.title {
            w.line("<text x=\"\(n(area.x + area.width / 2))\" y=\"\(n(area.minY - 8))\" font-size=\"\(n(1.15 * f))\" font-weight=\"bold\" text-anchor=\"middle\">\(RichText.markup(title))</text>")
        }
    }
}
