import Foundation
import SVGPlot

/// The loss-curve figure: per (α, β, D) the measured mean ± SE and median with the predicted mean
/// (dashed) and median (dotted) over N, the predicted peak band shaded.
package enum LossCurveFigure {
    /// The figure of `result`, one panel per setting.
    package static func figure(_ result: LossCurveResult) -> Figure {
        let plots = result.curves.map { curve -> Plot in
            let p = curve.points
            let x = p.map { Double($0.n) }
            var series = [
                FigureStyle.measured(x: x, y: p.map(\.measuredMean), se: p.map(\.measuredStandardError), label: "measured mean ± SE", color: .blue),
                Series.scatter(x: x, y: p.map(\.measuredMedian), label: "measured median", color: .vermillion, marker: Marker(.diamond, size: 6)),
            ]
            let withMean = p.filter { $0.predicted.mean != nil }
            series.append(FigureStyle.theoryCurve(x: withMean.map { Double($0.n) }, y: withMean.map { $0.predicted.mean! },
                                                  label: "predicted mean (det; none in the band)", color: .black))
            let withMedian = p.filter { $0.predicted.median != nil }
            series.append(FigureStyle.theoryCurve(x: withMedian.map { Double($0.n) }, y: withMedian.map { $0.predicted.median! },
                                                  label: "predicted median", color: .vermillion, dash: .dotted))
            var regions: [FilledRegion] = []
            let band = p.filter { $0.predicted.region == .peakBand }.map { Double($0.n) }
            let ys = (p.map(\.measuredMean) + p.map(\.measuredMedian)).filter { $0 > 0 && $0.isFinite }
            if let lo = band.min(), let hi = band.max(), let yMin = ys.min(), let yMax = ys.max() {
                regions.append(FilledRegion(
                    vertices: [.init(x: lo, y: yMin), .init(x: hi, y: yMin), .init(x: hi, y: yMax), .init(x: lo, y: yMax)],
                    color: .lightGray, opacity: 0.5, legendLabel: "predicted peak band (mean infinite)", includeInAutoRange: false))
            }
            return Plot(title: "α = \(fourSignificantDigits(curve.setting.alpha)), β = \(fourSignificantDigits(curve.setting.beta)), D = \(curve.setting.dataSize)",
                        xAxis: Axis(label: "model size N", scale: .log10), yAxis: Axis(label: "test loss L", scale: .log10),
                        series: series, regions: regions, legendPosition: .bottomLeft)
        }
        return Figure(width: 1180, height: 520 * Double((plots.count + 1) / 2), plots: plots, columns: 2)
    }
}
