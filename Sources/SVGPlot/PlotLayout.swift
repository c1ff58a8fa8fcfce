import Foundation

/// An axis-aligned rectangle in pixels (y grows downwards, as in SVG).
public struct Rect: Sendable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double

    /// A rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Left edge.
    public var minX: Double { x }
    /// Right edge.
    public var maxX: Double { x + width }
    /// Top edge.
    public var minY: Double { y }
    /// Bottom edge.
    public var maxY: Double { y + height }

    /// Whether (px, py) lies inside.
    public func contains(_ px: Double, _ py: Double) -> Bool {
        px >= minX && px <= maxX && py >= minY && py <= maxY
    }
}

/// Where a plot's frame sits inside its cell and how data map to pixels; computed by
/// `Plot.layout(width:height:)`.
public struct PlotLayout: Sendable, Hashable {
    /// The frame (plot area) in the cell's pixel coordinates.
    public var plotArea: Rect
    /// Data x → pixel x.
    public var x: AxisMapping
    /// Data y → pixel y (increasing values go up).
    public var y: AxisMapping
    /// Ticks of the x axis.
    public var xTicks: [Tick]
    /// Ticks of the y axis.
    public var yTicks: [Tick]

    /// Pixel position of a data point, nil when it is not drawable on these axes.
    public func pixel(x dataX: Double, y dataY: Double) -> (x: Double, y: Double)? {
        guard let px = x.pixel(dataX), let py = y.pixel(dataY) else { return nil }
        return (px, py)
    }
}

extension Plot {
    /// The layout of this panel in a cell of `width` × `height` pixels: resolved axis ranges,
    /// ticks, and margins sized to fit tick labels, axis labels, title and an outside legend.
    public func layout(width: Double, height: Double) -> PlotLayout {
        let xDomain = Self.domain(for: xAxis, values: xValues)
        let yDomain = Self.domain(for: yAxis, values: yValues)
        let xTicks = Tick.ticks(scale: xAxis.scale, domain: xDomain, target: 7)
        let yTicks = Tick.ticks(scale: yAxis.scale, domain: yDomain, target: 6)
        let f = fontSize
        let tickLength = 5.0
        let yLabelWidth = yTicks.compactMap { $0.label }.map { SVGWriter.labelWidth($0, fontSize: f) }.max() ?? 0
        let left = 8 + (yAxis.label.isEmpty ? 0 : 1.3 * f + 6) + yLabelWidth + tickLength + 4
        let xHasSuperscript = xTicks.contains { $0.label?.superscript != nil }
        let bottom = tickLength + 4 + f * (xHasSuperscript ? 1.3 : 1.0) + (xAxis.label.isEmpty ? 0 : 1.3 * f + 4) + 8
        let top = (title == nil ? 0 : 1.15 * f + 10) + 10
        var right = 14.0
        if legendPosition == .outsideRight, let box = legendSize() { right += box.width + 10 }
        // A right-most x label that is centred on the frame edge needs half its width.
        if let last = xTicks.last(where: { $0.label != nil }), let label = last.label {
            right = max(right, SVGWriter.labelWidth(label, fontSize: f) / 2 + 4)
        }
        let area = Rect(x: left, y: top, width: max(width - left - right, 10),
                        height: max(height - top - bottom, 10))
        return PlotLayout(
            plotArea: area,
            x: AxisMapping(scale: xAxis.scale, domain: xDomain, pixelStart: area.minX, pixelEnd: area.maxX),
            y: AxisMapping(scale: yAxis.scale, domain: yDomain, pixelStart: area.maxY, pixelEnd: area.minY),
            xTicks: xTicks, yTicks: yTicks)
    }

    /// x values that take part in the automatic range.
    var xValues: [Double] {
        var v: [Double] = []
        for s in series {
            for p in s.points where yAxis.scale.transform(p.y) != nil { v.append(p.x) }
        }
        for r in regions where r.includeInAutoRange { v += r.vertices.map(\.x) }
        v += referenceLines.filter { $0.orientation == .vertical }.map(\.value)
        return v.filter { xAxis.scale.transform($0) != nil }
    }

    /// y values (with error-bar ends) that take part in the automatic range.
    var yValues: [Double] {
        var v: [Double] = []
        for s in series {
            for (i, p) in s.points.enumerated() where xAxis.scale.transform(p.x) != nil {
                v.append(p.y)
                if let bars = s.errorBars, i < bars.count, let bar = bars[i], p.y.isFinite {
                    v.append(p.y - bar.minus)
                    v.append(p.y + bar.plus)
                }
            }
        }
        for r in regions where r.includeInAutoRange { v += r.vertices.map(\.y) }
        v += referenceLines.filter { $0.orientation == .horizontal }.map(\.value)
        return v.filter { yAxis.scale.transform($0) != nil }
    }

    /// The axis's fixed range when valid for its scale, else the padded span of `values`.
    static func domain(for axis: Axis, values: [Double]) -> ClosedRange<Double> {
        if let r = axis.range, let lo = axis.scale.transform(r.lowerBound),
           let hi = axis.scale.transform(r.upperBound), hi > lo {
            return r
        }
        let coords = values.compactMap { axis.scale.transform($0) }
        guard var lo = coords.min(), var hi = coords.max() else {
            return axis.scale == .log10 ? 1...10 : 0...1
        }
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1) {
            let half = axis.scale == .log10 ? 0.5 : max(abs(lo) * 0.1, 1)
            lo -= half
            hi += half
        } else {
            let pad = axis.padding * (hi - lo)
            lo -= pad
            hi += pad
        }
        return axis.scale.inverse(lo)...axis.scale.inverse(hi)
    }
}
