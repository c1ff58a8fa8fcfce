import Foundation
import SVGPlot

/// The loss-curve figure: per (α, β, D) the measured mean ± SE and median with the predicted mean
/// (dashed, broken across the peak band, where it is infinite) and median (dotted) over N, the predicted
/// peak band shaded even when no grid point falls in it; one panel per row and one legend for all, right
/// of the frames (inside, it hid the points of the peak band and above).
package enum LossCurveFigure {
    /// The figure of `result`, one panel per setting.
    package static func figure(_ result: LossCurveResult) -> Figure {
        let plots = result.curves.map { curve -> Plot in
            let p = curve.points
            let x = p.map { Double($0.n) }
            let span = Self.bandSpan(curve)
            var series = [
                FigureStyle.measured(x: x, y: p.map(\.estimatedMean), se: p.map(\.estimatedStandardError), label: "measured mean ± SE (control variates)", color: .blue),
                Series.scatter(x: x, y: p.map(\.measuredMedian), label: "measured median", color: .vermillion, marker: Marker(.diamond, size: 6)),
            ]
            let mean = Self.brokenAcross(span, x: x, y: p.map { $0.predicted.mean ?? .nan })
            series.append(FigureStyle.theoryCurve(x: mean.x, y: mean.y, label: "predicted mean (det; infinite in the band)", color: .black))
            let withMedian = p.filter { $0.predicted.median != nil }
            series.append(FigureStyle.theoryCurve(x: withMedian.map { Double($0.n) }, y: withMedian.map { $0.predicted.median! },
                                                  label: "predicted median", color: .vermillion, dash: .dotted))
            var regions: [FilledRegion] = []
            let ys = (p.map(\.estimatedMean) + p.map(\.measuredMedian)).filter { $0 > 0 && $0.isFinite }
            if let (lo, hi) = span, let yMin = ys.min(), let yMax = ys.max() {
                // Ten times beyond the data on each side: the band spans the frame's height (clipped there).
                regions.append(FilledRegion(
                    vertices: [.init(x: lo, y: yMin / 10), .init(x: hi, y: yMin / 10), .init(x: hi, y: yMax * 10), .init(x: lo, y: yMax * 10)],
                    color: .lightGray, opacity: 0.6, legendLabel: "predicted peak band (mean infinite)", includeInAutoRange: false,
                    outline: LineStyle(width: 0.6)))
            }
            let band = curve.predictedBandFirstN.flatMap { a in curve.predictedBandLastN.map { a == $0 ? "; predicted peak band N = \(a)" : "; predicted peak band N = \(a)…\($0)" } } ?? ""
            return Plot(title: "α = \(fourSignificantDigits(curve.setting.alpha)), β = \(fourSignificantDigits(curve.setting.beta)), D = \(curve.setting.sampleCount)\(band)",
                        xAxis: Axis(label: "model size N", scale: .log10), yAxis: Axis(label: "test loss L", scale: .log10),
                        series: series, regions: regions, legendPosition: .outsideRight)
        }
        return Figure(width: 1180, height: 400 * Double(plots.count), plots: plots, columns: 1, sharedLegend: true)
    }

    /// The N range shaded for the band: the predicted band's integers N, each one wide ([first − ½, last + ½]),
    /// whether or not a grid point falls in it; without the predicted range, the grid points in the band
    /// (`bandSpan(x:inBand:)`). Nil when neither is known.
    static func bandSpan(_ curve: LossCurveResult.Curve) -> (Double, Double)? {
        if let first = curve.predictedBandFirstN, let last = curve.predictedBandLastN {
            return (Double(first) - 0.5, Double(last) + 0.5)
        }
        return bandSpan(x: curve.points.map { Double($0.n) }, inBand: curve.points.map { $0.predicted.region == .peakBand })
    }

    /// The N range shaded for the band from the grid alone: from the geometric midpoint between the first
    /// band point and the point before it to the one between the last band point and the point after it (a
    /// band of one grid point is still drawn, one grid step wide); nil when no point is in the band.
    static func bandSpan(x: [Double], inBand: [Bool]) -> (Double, Double)? {
        guard let first = inBand.firstIndex(of: true), let last = inBand.lastIndex(of: true) else { return nil }
        // Half the mean grid step (geometric), for a band point at either end of the grid.
        let halfStep = x.count > 1 ? pow(x[x.count - 1] / x[0], 0.5 / Double(x.count - 1)) : 2.0.squareRoot()
        let lo = first > 0 ? (x[first - 1] * x[first]).squareRoot() : x[first] / halfStep
        let hi = last < x.count - 1 ? (x[last] * x[last + 1]).squareRoot() : x[last] * halfStep
        return (lo, hi)
    }

    /// The points (x increasing) with a gap (a NaN point, where a line breaks) between two neighbours that
    /// straddle `span`: a line never runs across the band, where the predicted mean has its pole.
    static func brokenAcross(_ span: (Double, Double)?, x: [Double], y: [Double]) -> (x: [Double], y: [Double]) {
        guard let (lo, hi) = span else { return (x, y) }
        var outX: [Double] = [], outY: [Double] = []
        for i in x.indices {
            if i > 0, x[i - 1] < hi, x[i] > lo {
                outX.append((max(x[i - 1], lo) * min(x[i], hi)).squareRoot())
                outY.append(.nan)
            }
            outX.append(x[i])
            outY.append(y[i])
        }
        return (outX, outY)
    }
}
