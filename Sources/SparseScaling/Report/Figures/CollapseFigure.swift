import Foundation
import ScalingAnalysis
import SVGPlot

/// The scaling-collapse figure: for every D, in its own colour, the median of L·D^{α_D} against
/// N/D^{1/β} with its outlined 10–90% quantile band (the mean is infinite in the peak band,
/// docs/theory.md §6.1), the predicted mean (dashed) and median (dotted); vertical lines for the
/// asymptotic peak (gray solid), the predicted median peak (gray dash-dotted) and the measured one (black solid).
package enum CollapseFigure {
    /// The figure of `result`.
    package static func figure(_ result: CollapseResult) -> Figure {
        var series: [Series] = []
        var regions: [FilledRegion] = []
        for (i, c) in result.curves.enumerated() {
            let color = Color.cycle[i % Color.cycle.count]
            // One legend row per D: its band (swatch) and median (line and marker) share the label.
            let label = "D = \(c.sampleCount): median, 10–90% band"
            let band = zip(c.x, c.yQuantile10).map { Series.Point(x: $0, y: $1) } + zip(c.x, c.yQuantile90).reversed().map { Series.Point(x: $0, y: $1) }
            regions.append(FilledRegion(vertices: band, color: color, opacity: 0.1, legendLabel: label, outline: LineStyle(width: 0.7)))
            series.append(Series(x: c.x, y: c.yMedian, label: label, color: color, line: LineStyle(width: 1.4), marker: Marker(.circle, size: 4)))
            guard !c.predicted.isEmpty else { continue }
            let alphaD = result.beta > 1 ? (result.alpha + result.beta) / result.beta : result.alpha + result.beta
            let scale = pow(Double(c.sampleCount), alphaD)
            series.append(FigureStyle.theoryCurve(x: c.x, y: c.predicted.map { ($0.mean ?? .nan) * scale }, label: nil, color: color, dash: .dashed))
            series.append(FigureStyle.theoryCurve(x: c.x, y: c.predicted.map { ($0.median ?? .nan) * scale }, label: nil, color: color, dash: .dotted))
        }
        if result.curves.contains(where: { !$0.predicted.isEmpty }) {
            // Style keys for the per-D theory curves, which are drawn in each D's colour (black keys: no D's colour).
            series.append(FigureStyle.theoryCurve(x: [], y: [], label: "predicted mean (∞ in the peak band)", color: .black, dash: .dashed))
            series.append(FigureStyle.theoryCurve(x: [], y: [], label: "predicted median", color: .black, dash: .dotted))
        }
        var lines: [ReferenceLine] = []
        if let x = result.predictedPeakX, x.isFinite {
            lines.append(ReferenceLine(.vertical, at: x, color: .gray, style: LineStyle(width: 1.4),
                                       label: "asymptotic peak Γ(1−1/β) = \(String(format: "%.3f", x))", showInLegend: true))
        }
        if let x = result.predictedMedianPeakX, x.isFinite {
            lines.append(ReferenceLine(.vertical, at: x, color: .gray, style: LineStyle(dash: .dashDotted, width: 1.4),
                                       label: "predicted median peak x = \(String(format: "%.3f", x))", showInLegend: true))
        }
        if result.peakX.isFinite {
            lines.append(ReferenceLine(.vertical, at: result.peakX, color: .black, style: LineStyle(width: 1.1),
                                       label: "measured median peak x = \(String(format: "%.3f", result.peakX))", showInLegend: true))
        }
        let plot = Plot(
            title: "Scaling collapse with the double-descent peak (α = \(fourSignificantDigits(result.alpha)), β = \(fourSignificantDigits(result.beta)))",
            xAxis: Axis(label: "N / D^{1/β}", scale: .log10), yAxis: Axis(label: "L · D^{α_{D}}", scale: .log10),
            series: series, regions: regions, referenceLines: lines, legendPosition: .outsideRight)
        return Figure(width: 1180, height: 600, plots: [plot])
    }
}
