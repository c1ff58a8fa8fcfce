import Foundation
import ScalingAnalysis
import SVGPlot

/// The GD-failure figure: P(η·λ_max > 2) against D, plain Monte Carlo and importance sampling with
/// their 95% intervals, the fitted large-D slope and the predicted one.
package enum GDFailureFigure {
    /// The figure of `result`.
    package static func figure(_ result: GDFailureTable) -> Figure {
        var series: [Series] = []
        for (estimator, color, marker) in [(FailureEstimator.plain, Color.blue, Marker.Shape.circle), (.importance, .vermillion, .square)] {
            let rows = zip(result.rows, result.estimators).filter { $0.1 == estimator }.map(\.0)
            guard !rows.isEmpty else { continue }
            series.append(Series.scatter(
                x: rows.map { Double($0.sampleCount) }, y: rows.map(\.probability),
                label: estimator == .plain ? "plain Monte Carlo (Wilson 95%)" : "importance sampling (±1.96 SE)", color: color,
                marker: Marker(marker, size: 7), errorBars: rows.map { ErrorBar.interval(lower: $0.lower, upper: $0.upper, around: $0.probability) }))
        }
        if let fit = result.fit {
            series.append(Series.line(
                x: FigureStyle.geometricGrid(fit.xRange.lowerBound, fit.xRange.upperBound), y: FigureStyle.geometricGrid(fit.xRange.lowerBound, fit.xRange.upperBound).map(fit.predicted(at:)),
                label: "fit: slope \(UncertainValueFormat.string(-fit.exponent, standardError: fit.exponentStandardError))", color: .black, style: LineStyle(dash: .solid, width: 1.8)))
            let ds = result.rows.map { Double($0.sampleCount) }
            let mid = sqrt(fit.xRange.lowerBound * fit.xRange.upperBound)
            series.append(FigureStyle.theoryLine(
                exponent: -result.predictedExponent, anchorX: mid, anchorY: fit.predicted(at: mid) * 2, xMin: ds.min() ?? mid, xMax: ds.max() ?? mid,
                label: String(format: "predicted slope (α+β)/(1+α) = %.3g", result.predictedExponent)))
        }
        let plot = Plot(
            title: "GD failure probability (α = \(fourSignificantDigits(result.alpha)), β = \(fourSignificantDigits(result.beta)), N = \(result.configuration.featureCount), η = \(fourSignificantDigits(result.configuration.eta)))",
            xAxis: Axis(label: "data size D", scale: .log10), yAxis: Axis(label: "P(η·λ_{max}(F Fᵀ/D) > 2)", scale: .log10),
            series: series, legendPosition: .bottomLeft)
        return Figure(width: 820, height: 560, plots: [plot])
    }
}
