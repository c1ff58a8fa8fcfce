import Foundation
import SVGPlot

/// The scaling-collapse figure: L·D^(α_D) against N/D^(1/β) for every D, the predicted peak dashed.
package enum CollapseFigure {
    /// The figure of `result`.
    package static func figure(_ result: CollapseResult) -> Figure {
        var series: [Series] = []
        for (i, c) in result.curves.enumerated() {
            series.append(Series(x: c.x, y: c.y, label: "D = \(c.sampleCount)", color: Color.cycle[i % Color.cycle.count],
                                 line: LineStyle(width: 1.2), marker: Marker(.circle, size: 4), errorBars: c.yStandardError.map { ErrorBar.symmetric($0) }))
        }
        var lines: [ReferenceLine] = []
        if result.predictedPeakX.isFinite {
            lines.append(ReferenceLine(.vertical, at: result.predictedPeakX, label: "predicted peak Γ(1−1/β) = \(String(format: "%.3f", result.predictedPeakX))", showInLegend: true))
        }
        if result.peakX.isFinite {
            lines.append(ReferenceLine(.vertical, at: result.peakX, color: .black, style: LineStyle(dash: .dotted, width: 1.4), label: "measured peak x = \(String(format: "%.3f", result.peakX))", showInLegend: true))
        }
        let plot = Plot(
            title: "Scaling collapse with the double-descent peak (α = \(fourSignificantDigits(result.alpha)), β = \(fourSignificantDigits(result.beta)))",
            xAxis: Axis(label: "N / D^(1/β)", scale: .log10), yAxis: Axis(label: "L · D^(α_D)", scale: .log10),
            series: series, referenceLines: lines, legendPosition: .topRight)
        return Figure(width: 820, height: 560, plots: [plot])
    }
}
