import Foundation
import SVGPlot

/// The compute-frontier figure: L against C = N·D·min(N,D) per fixed N, the predicted curve of each N
/// (det, dash-dotted), the envelope fit and the predicted slope; points in the peak band (infinite mean)
/// as their median (diamonds).
package enum FrontierFigure {
    /// The figure of `result`.
    package static func figure(_ result: FrontierResult) -> Figure {
        var series: [Series] = []
        for (i, curve) in result.curves.enumerated() {
            guard let n = curve.first?.n else { continue }
            // In the peak band the mean loss is infinite (docs/theory.md §6.1): those points show their median instead.
            let inBand = curve.map { $0.heavyTail.reasons.contains(.peakBand) }
            let compute = curve.map { FrontierExperiment.compute(n: $0.n, d: $0.d) }
            series.append(Series(x: compute, y: zip(curve, inBand).map { $1 ? .nan : $0.lossMean },
                                 label: "N = \(n)", color: Color.cycle[i % Color.cycle.count], line: LineStyle(width: 1.0), marker: Marker(.circle, size: 4),
                                 errorBars: curve.map { ErrorBar.symmetric($0.lossStandardError ?? 0) }))
            let medians = curve.indices.filter { inBand[$0] }.compactMap { j in curve[j].lossQuantiles.map { (compute[j], $0.median) } }
            if !medians.isEmpty {
                series.append(Series.scatter(x: medians.map(\.0), y: medians.map(\.1), label: nil, color: Color.cycle[i % Color.cycle.count], marker: Marker(.diamond, size: 6)))
            }
            let predicted = PredictedCurves.means(curve)
            if predicted.contains(where: { $0 != nil }) {
                series.append(FigureStyle.theoryCurve(x: curve.map { FrontierExperiment.compute(n: $0.n, d: $0.d) }, y: predicted.map { $0 ?? .nan },
                                                      label: nil, color: Color.cycle[i % Color.cycle.count], dash: .dashDotted))
            }
        }
        if series.contains(where: { $0.line == nil }) {
            series.append(Series.scatter(x: [], y: [], label: "median in the peak band (mean infinite)", color: .gray, marker: Marker(.diamond, size: 6)))
        }
        if series.contains(where: { $0.line?.dash == .dashDotted }) {
            series.append(FigureStyle.theoryCurve(x: [], y: [], label: "predicted curve of each N (det)", color: .gray, dash: .dashDotted))
        }
        if let fit = result.fit {
            series.append(FigureStyle.fitLine(fit, variable: "C", color: .black, labelPrefix: "envelope fit"))
            let mid = sqrt(fit.xRange.lowerBound * fit.xRange.upperBound)
            series.append(FigureStyle.theoryLine(
                exponent: result.predictedLossExponent, anchorX: mid, anchorY: fit.predicted(at: mid) / 1.6, xMin: fit.xRange.lowerBound, xMax: fit.xRange.upperBound,
                label: "predicted slope: C^{−\(String(format: "%.3g", result.predictedLossExponent))}"))
        }
        let plot = Plot(
            title: "Compute-optimal frontier (α = \(fourSignificantDigits(result.alpha)), β = \(fourSignificantDigits(result.beta)))",
            xAxis: Axis(label: "compute C = N·D·min(N, D)", scale: .log10), yAxis: Axis(label: "test loss L", scale: .log10),
            series: series, legendPosition: .outsideRight)
        return Figure(width: 1100, height: 560, plots: [plot])
    }
}
