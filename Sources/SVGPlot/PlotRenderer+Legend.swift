import Foundation

extension PlotRenderer {
    /// Pixels occupied by data (markers, points sampled along lines, error bars and reference lines),
    /// used to place an automatic legend where it hides the least.
    func occupiedPixels() -> [(x: Double, y: Double)] {
        var result: [(x: Double, y: Double)] = []
        /// Points every 4 px along the segment from a to b.
        func sampled(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> [(x: Double, y: Double)] {
            let steps = max(1, Int((abs(b.x - a.x) + abs(b.y - a.y)) / 4))
            return (0...steps).map { k in
                let t = Double(k) / Double(steps)
                return (a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
            }
        }
        for s in plot.series {
            let px = pixels(of: s)
            result += px.compactMap { $0 }
            for (i, p) in s.points.enumerated() where i < (s.errorBars?.count ?? 0) {
                guard let bar = s.errorBars?[i], bar.minus.isFinite, bar.plus.isFinite, let cx = layout.x.pixel(p.x),
                      let high = layout.y.pixel(p.y + max(bar.plus, 0)) else { continue }
                let low = layout.y.pixel(p.y - max(bar.minus, 0)) ?? area.maxY
                result += sampled((cx, min(low, area.maxY)), (cx, max(high, area.minY)))
            }
            if s.line != nil {
                for (a, b) in zip(px, px.dropFirst()) {
                    guard let a, let b else { continue }
                    for k in 1..<12 {
                        let t = Double(k) / 12
                        result.append((a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
                    }
                }
            }
        }
        for a in plot.annotations {
            if let p = layout.pixel(x: a.position.x, y: a.position.y) { result.append(p) }
        }
        for l in plot.referenceLines {
            switch l.orientation {
            case .vertical:
                if let px = layout.x.pixel(l.value) { result += sampled((px, area.minY), (px, area.maxY)) }
            case .horizontal:
                if let py = layout.y.pixel(l.value) { result += sampled((area.minX, py), (area.maxX, py)) }
            }
        }
        return result
    }

    /// Top-left corner of the legend box for `position`.
    func legendOrigin(_ position: LegendPosition, size: (width: Double, height: Double)) -> (x: Double, y: Double) {
        let m = 8.0
        switch position {
        case .topLeft: return (area.minX + m, area.minY + m)
        case .bottomLeft: return (area.minX + m, area.maxY - m - size.height)
        case .bottomRight: return (area.maxX - m - size.width, area.maxY - m - size.height)
        case .outsideRight: return (area.maxX + 10, area.minY)
        case .topRight, .automatic, .hidden: return (area.maxX - m - size.width, area.minY + m)
        }
    }

    /// The inside corner whose box covers the fewest occupied pixels (ties: top right first).
    func automaticLegendPosition(size: (width: Double, height: Double)) -> LegendPosition {
        let occupied = occupiedPixels()
        let candidates: [LegendPosition] = [.topRight, .topLeft, .bottomLeft, .bottomRight]
        var best = LegendPosition.topRight, bestCount = Int.max
        for c in candidates {
            let o = legendOrigin(c, size: size)
            let box = Rect(x: o.x - 4, y: o.y - 4, width: size.width + 8, height: size.height + 8)
            let count = occupied.filter { box.contains($0.x, $0.y) }.count
            if count < bestCount { best = c; bestCount = count }
        }
        return best
    }

    func drawLegend(into w: inout SVGWriter) {
        guard let size = plot.legendSize() else { return }
        let position = plot.legendPosition == .automatic ? automaticLegendPosition(size: size) : plot.legendPosition
        LegendBox(entries: plot.legendEntries, fontSize: fontSize).draw(at: legendOrigin(position, size: size), into: &w)
    }
}
