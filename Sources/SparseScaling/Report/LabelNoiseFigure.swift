import Foundation
import SVGPlot

/// The label-noise figure: the N-sweep through the peak (median excess loss with 10–90% bars) per σ²,
/// the model-rich D-sweep (median test loss, floor fits, σ² as dotted floors), and the ridge scan at
/// the peak (median test loss vs λ_r, the ridgeless value as a horizontal line).
package enum LabelNoiseFigure {
    /// The figure of `result`.
    package static func figure(_ result: LabelNoiseResult) -> Figure {
        let g = fourSignificantDigits
        var left: [Series] = [], middle: [Series] = [], right: [Series] = []
        var middleLines: [ReferenceLine] = [], rightLines: [ReferenceLine] = []
        for (i, variance) in result.configuration.labelNoiseVariances.enumerated() {
            let color = Color.cycle[i % Color.cycle.count]
            let label = "σ² = \(g(variance))"
            let n = result.rows.filter { $0.sweep == .n && $0.labelNoiseVariance == variance }.sorted { $0.n < $1.n }
            left.append(Series(
                x: n.map { Double($0.n) }, y: n.map(\.excess.median), label: label, color: color, line: LineStyle(width: 1.2), marker: Marker(.circle, size: 5),
                errorBars: n.map { ErrorBar.interval(lower: $0.excess.lower, upper: $0.excess.upper, around: $0.excess.median) }))
            let d = result.rows.filter { $0.sweep == .d && $0.labelNoiseVariance == variance }.sorted { $0.d < $1.d }
            let level = result.levels.first(where: { $0.labelNoiseVariance == variance })
            let fitLabel = level?.floorFit.map { " (fit D^{−\(String(format: "%.2f", $0.powerLaw.exponent))} + \(String(format: "%.2g", $0.floor)))" } ?? ""
            middle.append(Series(
                x: d.map { Double($0.d) }, y: d.map(\.test.median), label: label + fitLabel, color: color, line: nil, marker: Marker(.circle, size: 5),
                errorBars: d.map { ErrorBar.interval(lower: $0.test.lower, upper: $0.test.upper, around: $0.test.median) }))
            if let level, let fit = level.floorFit, let first = d.first, let last = d.last {
                let xs = FigureStyle.geometricGrid(Double(first.d), Double(last.d))
                middle.append(Series.line(x: xs, y: xs.map(fit.predicted(at:)), color: color))
                if variance > 0 { middleLines.append(ReferenceLine(.horizontal, at: variance, color: color, style: LineStyle(dash: .dotted, width: 1.2))) }
                rightLines.append(ReferenceLine(.horizontal, at: level.ridgelessMedianTest, color: color, style: LineStyle(dash: .dotted, width: 1.2)))
            }
            let r = result.rows.filter { $0.sweep == .ridge && $0.labelNoiseVariance == variance }.sorted { $0.ridge < $1.ridge }
            right.append(Series(
                x: r.map(\.ridge), y: r.map(\.test.median), label: label, color: color, line: LineStyle(width: 1.2), marker: Marker(.square, size: 5),
                errorBars: r.map { ErrorBar.interval(lower: $0.test.lower, upper: $0.test.upper, around: $0.test.median) }))
        }
        return Figure(width: 1500, height: 520, plots: [
            Plot(title: "N-sweep at D = \(result.configuration.nSweepD): median excess loss (10–90%)", xAxis: Axis(label: "model size N", scale: .log10),
                 yAxis: Axis(label: "excess loss Σλ(w_{eff} − w*)²", scale: .log10), series: left, legendPosition: .bottomLeft),
            Plot(title: "D-sweep, N = \(g(result.configuration.modelRichRatio))·D: median test loss, fits (lines), σ² (dotted)", xAxis: Axis(label: "data size D", scale: .log10),
                 yAxis: Axis(label: "test loss = excess + σ²", scale: .log10), series: middle, referenceLines: middleLines, legendPosition: .automatic),
            Plot(title: "Ridge at the peak N = \(result.peakFeatureCount), D = \(result.configuration.nSweepD) (dotted: ridgeless)", xAxis: Axis(label: "ridge λ_{r}", scale: .log10),
                 yAxis: Axis(label: "median test loss (10–90%)", scale: .log10), series: right, referenceLines: rightLines, legendPosition: .topLeft),
        ], columns: 3)
    }
}
