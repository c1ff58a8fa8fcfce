import Foundation

extension PlotRenderer {
    /// A white outline behind label text so it stays legible over lines and fills.
    static let halo = "stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-opacity=\"0.85\" paint-order=\"stroke\" stroke-linejoin=\"round\""

    /// Pixel positions of a series' points, nil where the point cannot be drawn.
    func pixels(of series: Series) -> [(x: Double, y: Double)?] {
        series.points.map { layout.pixel(x: $0.x, y: $0.y) }
    }

    func drawRegions(into w: inout SVGWriter) {
        for r in plot.regions {
            let vertices = r.vertices.compactMap { layout.pixel(x: $0.x, y: $0.y) }
            guard vertices.count >= 3 else { continue }
            let points = vertices.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
            let color = SVGWriter.escape(r.color.svgValue)
            let stroke = r.outline.map { "stroke=\"\(color)\" \($0.attributes) stroke-linejoin=\"round\"" } ?? "stroke=\"none\""
            w.line("<polygon points=\"\(points)\" fill=\"\(color)\" fill-opacity=\"\(n(min(max(r.opacity, 0), 1)))\" \(stroke)/>")
        }
    }

    func drawRegionLabels(into w: inout SVGWriter) {
        for r in plot.regions {
            guard let label = r.label else { continue }
            var position: (x: Double, y: Double)?
            if let p = r.labelPosition {
                position = layout.pixel(x: p.x, y: p.y)
            } else {
                // Mean of the vertices clamped to the frame: inside the visible part of a convex region.
                let vertices = r.vertices.compactMap { layout.pixel(x: $0.x, y: $0.y) }
                if !vertices.isEmpty {
                    let cx = vertices.map { min(max($0.x, area.minX), area.maxX) }.reduce(0, +) / Double(vertices.count)
                    let cy = vertices.map { min(max($0.y, area.minY), area.maxY) }.reduce(0, +) / Double(vertices.count)
                    position = (cx, cy)
                }
            }
            guard let p = position, area.contains(p.x, p.y) else { continue }
            w.line("<text x=\"\(n(p.x))\" y=\"\(n(p.y + 0.35 * fontSize))\" font-size=\"\(n(fontSize))\" font-style=\"italic\" text-anchor=\"middle\" fill=\"#202020\">\(RichText.markup(label))</text>")
        }
    }

    func drawReferenceLines(into w: inout SVGWriter) {
        for l in plot.referenceLines {
            let color = SVGWriter.escape(l.color.svgValue)
            switch l.orientation {
            case .vertical:
                guard let px = layout.x.pixel(l.value) else { continue }
                w.line("<line x1=\"\(n(px))\" y1=\"\(n(area.minY))\" x2=\"\(n(px))\" y2=\"\(n(area.maxY))\" stroke=\"\(color)\" \(l.style.attributes) fill=\"none\"/>")
            case .horizontal:
                guard let py = layout.y.pixel(l.value) else { continue }
                w.line("<line x1=\"\(n(area.minX))\" y1=\"\(n(py))\" x2=\"\(n(area.maxX))\" y2=\"\(n(py))\" stroke=\"\(color)\" \(l.style.attributes) fill=\"none\"/>")
            }
        }
    }

    func drawReferenceLineLabels(into w: inout SVGWriter) {
        let f = 0.85 * fontSize
        for l in plot.referenceLines where !l.showInLegend {
            guard let label = l.label else { continue }
            let color = SVGWriter.escape(l.color.svgValue)
            switch l.orientation {
            case .vertical:
                guard let px = layout.x.pixel(l.value), px >= area.minX, px <= area.maxX else { continue }
                let x = px - 4, y = area.minY + 6
                w.line("<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(f))\" text-anchor=\"end\" fill=\"\(color)\" \(Self.halo) transform=\"rotate(-90 \(n(x)) \(n(y)))\">\(RichText.markup(label))</text>")
            case .horizontal:
                guard let py = layout.y.pixel(l.value), py >= area.minY, py <= area.maxY else { continue }
                w.line("<text x=\"\(n(area.maxX - 6))\" y=\"\(n(py - 4))\" font-size=\"\(n(f))\" text-anchor=\"end\" fill=\"\(color)\" \(Self.halo)>\(RichText.markup(label))</text>")
            }
        }
    }

    func drawSeries(into w: inout SVGWriter) {
        let colors = plot.resolvedSeriesColors
        // By layer, ties in order (a stable sort).
        let order = plot.series.indices.sorted { (plot.series[$0].layer, $0) < (plot.series[$1].layer, $1) }
        for (s, color) in order.map({ (plot.series[$0], colors[$0]) }) {
            let px = pixels(of: s)
            let stroke = SVGWriter.escape(color.svgValue)
            if let bars = s.errorBars {
                var d = ""
                for (i, p) in s.points.enumerated() where i < bars.count {
                    guard let bar = bars[i], bar.minus.isFinite, bar.plus.isFinite, p.y.isFinite,
                          let cx = layout.x.pixel(p.x) else { continue }
                    // A lower end that is not drawable (≤ 0 on a log axis) is clipped at the axis
                    // minimum. A point at y ≤ 0 on a log axis (e.g. zero failures) keeps its bar up to
                    // the upper end, an upper limit, although the point itself is not drawn.
                    let low = layout.y.pixel(p.y - max(bar.minus, 0)) ?? area.maxY
                    guard let high = layout.y.pixel(p.y + max(bar.plus, 0)) else { continue }
                    let lowClamped = min(low, area.maxY), highClamped = max(high, area.minY)
                    guard lowClamped > highClamped else { continue }
                    d += "M\(n(cx)),\(n(lowClamped))V\(n(highClamped))"
                    let cap = 3.0
                    if low <= area.maxY { d += "M\(n(cx - cap)),\(n(low))h\(n(2 * cap))" }
                    if high >= area.minY { d += "M\(n(cx - cap)),\(n(high))h\(n(2 * cap))" }
                }
                if !d.isEmpty { w.line("<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"1.1\"/>") }
            }
            if let line = s.line {
                var d = ""
                var penDown = false
                for p in px {
                    guard let p else { penDown = false; continue }
                    d += "\(penDown ? "L" : "M")\(n(p.x)),\(n(p.y))"
                    penDown = true
                }
                if !d.isEmpty {
                    w.line("<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" \(line.attributes) stroke-linejoin=\"round\"/>")
                }
            }
            if let marker = s.marker {
                for p in px {
                    guard let p else { continue }
                    w.line(marker.markup(x: p.x, y: p.y, color: color))
                }
            }
        }
    }

    func drawAnnotations(into w: inout SVGWriter) {
        for a in plot.annotations {
            guard let p = layout.pixel(x: a.position.x, y: a.position.y) else { continue }
            let size = a.fontSize ?? fontSize
            w.line("<text x=\"\(n(p.x))\" y=\"\(n(p.y))\" font-size=\"\(n(size))\" text-anchor=\"\(a.anchor.rawValue)\" fill=\"\(SVGWriter.escape(a.color.svgValue))\" \(Self.halo)>\(RichText.markup(a.text))</text>")
        }
    }
}
