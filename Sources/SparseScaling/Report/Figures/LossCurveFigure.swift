import Foundation
import SVGPlot

/// The loss-curve figure: per (α, β, D) the measured mean ± SE and median with the predicted mean
/// (dashed) and median (dotted) over N, the predicted peak band shaded; one panel per row, each with its
/// legend right of the frame (inside, it hid the points of the peak band and above).
package enum LossCurveFigure {
    /// The figure of `result`, one panel per setting.
    package static func figure(_ result: LossCurveResult) -> Figure {
        let plots = result.curves.map { curve -> Plot in
            let p = curve.points
            let x = p.map { Double($0.n) }
            var series = [
                FigureStyle.measured(x: x, y: p.map(\.estimatedMean), se: p.map(\.estimatedStandardError), label: "measured mean ± SE (control variates)", color: .blue),
                Series.scatter(x: x, y: p.map(\.measuredMedian), label: "measured median", color: .vermillion, marker: Marker(.diamond, size: 6)),
            ]
            // NaN where the mean is infinite, so the line breaks across the band instead of bridging it.
            series.append(FigureStyle.theoryCurve(x: x, y: p.map { $0.predicted.mean ?? .nan },
                                                  label: "predicted mean (det; none in the band)", color: .black))
            let withMedian = p.filter { $0.predicted.median != nil }
            series.append(FigureStyle.theoryCurve(x: withMedian.map { Double($0.n) }, y: withMedian.map { $0.predicted.median! },
                                                  label: "predicted median", color: .vermillion, dash: .dotted))
            var regions: [FilledRegion] = []
            let ys = (p.map(\.estimatedMean) + p.map(\.measuredMedian)).filter { $0 > 0 && $0.isFinite }
            if let span = Self.bandSpan(x: x, inBand: p.map { $0.predicted.region == .peakBand }), let yMin = ys.min(), let yMax = ys.max() {
                let (lo, hi) = span
                regions.append(FilledRegion(
                    vertices: [.init(x: lo, y: yMin), .init(x: hi, y: yMin), .init(x: hi, y: yMax), .init(x: lo, y: yMax)],
                    color: .lightGray, opacity: 0.5, legendLabel: "predicted peak band (mean infinite)", includeInAutoRange: false))
            }
            return Plot(title: "α = \(fourSignificantDigits(curve.setting.alpha)), β = \(fourSignificantDigits(curve.setting.beta)), D = \(curve.setting.sampleCount)",
                        xAxis: Axis(label: "model size N", scale: .log10), yAxis: Axis(label: "test loss L", scale: .log10),
                        series: series, regions: regions, legendPosition: .outsideRight)
        }
        return Figure(width: 1180, height: 420 * Double(plots.count), plots: plots, columns: 1)
    }

    /// The N range shaded for the band: from the geometric midpoint between the first band point and
    /// the point before it to the one between the last band point and the point after it (a band of
    /// one grid point is still drawn, one grid step wide); nil when no point is in the band.
    static func bandSpan(x: [Double], inBand: [Bool]) -> (Double, Double)? {
        guard let first = inBand.firstIndex(of: true), let last = inBand.lastIndex(of: true) else { return nil }
        // Half the mean grid step (geometric), for a band point at either end of the grid.
        let halfStep = x.count > 1 ? pow(x[x.count - 1] / x[0], 0.5 / Double(x.count - 1)) : 2.0.squareRoot()
        let lo = first > 0 ? (x[first - 1] * x[first]).squareRoot() : x[first] / halfStep
        let hi = last < x.count - 1 ? (x[last] * x[last + 1]).squareRoot() : x[last] * halfStep
        return (lo, hi)
    }
}
