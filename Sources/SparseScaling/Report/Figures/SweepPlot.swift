import Foundation
import SVGPlot

/// The figure of one sweep: mean loss ± SE against the swept variable, the fitted power law over its tail
/// and the theory's slope (anchored on the fit at the middle of its range: only the slope is predicted).
package enum SweepPlot {
    /// The standalone SVG of `result`, with the theory line when `prediction` is given.
    package static func svg(_ result: SweepResult, prediction: SweepPrediction?, title: String) -> String {
        figure(result, prediction: prediction, title: title).svg()
    }

    /// The figure of `result` (see ``svg(_:prediction:title:)``).
    package static func figure(_ result: SweepResult, prediction: SweepPrediction?, title: String) -> Figure {
        let variable = result.variable ?? .d
        let x = result.points.map { Double(variable == .n ? $0.n : $0.d) }
        let color = Color.cycle[0]
        var drawn = [FigureStyle.measured(
            x: x, y: result.points.map(\.lossMean), se: result.points.map(\.lossStandardError),
            label: "measured (mean ± SE)", color: color, marker: .circle)]
        if let fit = result.fit {
            drawn.append(FigureStyle.fitLine(fit, variable: variable.rawValue.uppercased(), color: color))
            if let prediction {
                let mid = sqrt(fit.xRange.lowerBound * fit.xRange.upperBound)
                drawn.append(FigureStyle.theoryLine(
                    exponent: prediction.exponent, anchorX: mid, anchorY: fit.predicted(at: mid),
                    xMin: x.min() ?? mid, xMax: x.max() ?? mid,
                    label: "theory \(prediction.name): slope −\(String(format: "%.3g", prediction.exponent))",
                    color: Color.cycle[1 % Color.cycle.count]))
            }
        }
        let (xAxis, yAxis) = FigureStyle.logAxes(x: variable == .n ? "model size N" : "data size D", y: "test loss L")
        let plot = Plot(title: title, xAxis: xAxis, yAxis: yAxis, series: drawn, legendPosition: .bottomLeft)
        return Figure(width: 720, height: 520, plots: [plot])
    }

    /// The title of a sweep's figure, from its data: the swept variable and the fixed size, α, β and (M when
    /// finite), the data, features and solver, and the seeds (e.g. "N-sweep at D = 1000000: α = 0, β = 2, sparse
    /// linear reduced, 6 seeds").
    package static func title(plan: SweepPlan, seedCount: Int) -> String {
        let base = plan.base
        let swept: String
        switch plan.sweptVariable {
        case .n?: swept = "N-sweep at D = \(plan.sampleCounts.first ?? base.sampleCount)"
        case .d? where plan.featuresPerSample != nil: swept = "D-sweep at N = \(fourSignificantDigits(plan.featuresPerSample!))·D"
        case .d?: swept = "D-sweep at N = \(plan.featureCounts.first ?? base.featureCount)"
        case nil: swept = "N × D grid"
        }
        let m = base.parameters.inputDimension.finiteValue.map { ", M = \($0)" } ?? ""
        let noise = base.labelNoise > 0 ? ", σ = \(fourSignificantDigits(base.labelNoise))" : ""
        return "\(swept): α = \(fourSignificantDigits(base.parameters.alpha)), β = \(fourSignificantDigits(base.parameters.beta))\(m), "
            + "\(base.data.rawValue) \(base.features.rawValue) \(base.solver.rawValue)\(noise), \(seedCount) seed\(seedCount == 1 ? "" : "s")"
    }
}
