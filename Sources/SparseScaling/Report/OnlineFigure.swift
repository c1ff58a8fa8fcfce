import Foundation
import SVGPlot

/// The one-pass SGD figure: loss curves against steps t per N (median over seeds) with our predicted
/// median at the same N (dashed, where A(t) ≤ N/2), the predicted 10–90% band over seeds at the largest N
/// (shaded), our decoupled N = ∞ mean (black dashed), the legend in the empty lower left, and the compute frontier under C = N·t (best N per C)
/// with its fit beside our predicted slope and the paper's direct-solve slope.
package enum OnlineFigure {
    /// The figure of `result`.
    package static func figure(_ result: OnlineResult) -> Figure {
        var left: [Series] = []
        for (i, n) in result.configuration.featureCounts.enumerated() {
            let c = result.curves.filter { $0.featureCount == n && $0.step > 0 }
            guard !c.isEmpty else { continue }
            left.append(Series(
                x: c.map { Double($0.step) }, y: c.map(\.loss.median), label: "N = \(n)", color: Color.cycle[i % Color.cycle.count],
                line: LineStyle(width: 1.2), marker: Marker(.circle, size: 3)))
        }
        for (i, n) in result.configuration.featureCounts.enumerated() {
            let p = result.finiteNPrediction.filter { $0.featureCount == n && $0.step > 0 }
            guard !p.isEmpty else { continue }
            left.append(Series(
                x: p.map { Double($0.step) }, y: p.map(\.loss.median), label: i == 0 ? "ours: predicted median, same N" : nil,
                color: Color.cycle[i % Color.cycle.count], line: LineStyle(dash: .dashed, width: 1)))
        }
        var regions: [FilledRegion] = []
        if let largest = result.configuration.featureCounts.max() {
            let band = result.predictedBands.filter { $0.featureCount == largest && $0.inRange && $0.step > 0 }
            if band.count >= 2 {
                let vertices = band.map { Series.Point(x: Double($0.step), y: $0.q90) } + band.reversed().map { Series.Point(x: Double($0.step), y: $0.q10) }
                regions.append(FilledRegion(vertices: vertices, color: .gray, opacity: 0.2, legendLabel: "ours: 10–90%, N = \(largest)"))
            }
        }
        let steps = zip(result.checkpoints, result.decoupledPrediction).filter { $0.0 > 0 }
        left.append(FigureStyle.theoryCurve(
            x: steps.map { Double($0.0) }, y: steps.map(\.1), label: "ours: N = ∞ mean", color: .black))
        var right: [Series] = []
        if !result.frontier.isEmpty {
            right.append(Series.scatter(x: result.frontier.map(\.compute), y: result.frontier.map(\.loss), label: "best N at each C (interpolated)", color: .blue, marker: Marker(.circle, size: 4)))
        }
        if let fit = result.frontierLossFit {
            // The frontier's points are interpolated from a few N, so its SE is the bootstrap over seeds, not the fit's.
            right.append(FigureStyle.fitLine(fit, variable: "C", color: .black,
                                             labelPrefix: result.frontierBootstrap == nil ? "measured frontier" : "measured (bootstrap SE)",
                                             standardError: result.frontierBootstrap?.standardError))
            let mid = sqrt(fit.xRange.lowerBound * fit.xRange.upperBound)
            right.append(FigureStyle.theoryLine(
                exponent: result.predictedFrontier[2], anchorX: mid, anchorY: fit.predicted(at: mid) * 1.6, xMin: fit.xRange.lowerBound, xMax: fit.xRange.upperBound,
                label: "ours: C^{−\(String(format: "%.3g", result.predictedFrontier[2]))}", color: .vermillion))
            right.append(FigureStyle.theoryLine(
                exponent: result.directSolveFrontier[2], anchorX: mid, anchorY: fit.predicted(at: mid) / 1.6, xMin: fit.xRange.lowerBound, xMax: fit.xRange.upperBound,
                label: "paper, C = N·D·min(N, D): C^{−\(String(format: "%.3g", result.directSolveFrontier[2]))}", color: .gray))
        }
        return Figure(width: 1240, height: 540, plots: [
            Plot(title: "One-pass SGD, η = \(fourSignificantDigits(result.configuration.stepSize)): median loss vs steps", xAxis: Axis(label: "steps t (= samples used)", scale: .log10),
                 yAxis: Axis(label: "population loss L", scale: .log10), series: left, regions: regions, legendPosition: .bottomLeft),
            Plot(title: "Compute-optimal frontier under C = N·t", xAxis: Axis(label: "compute C = N·t", scale: .log10),
                 yAxis: Axis(label: "loss at the best N", scale: .log10), series: right, legendPosition: .bottomLeft),
        ], columns: 2)
    }
}
