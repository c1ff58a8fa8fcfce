import Foundation
import ScalingAnalysis
import SVGPlot

/// The GD-failure figure: P(η·λ_max > 2) against D, plain Monte Carlo and importance sampling with
/// their 95% intervals, the fitted large-D slope and the predicted one.
package enum GDFailureFigure {
    /// The figure of `result` (both estimators, as in the report).
    package static func figure(_ result: GDFailureTable) -> Figure {
        figure(rows: result.rows, estimators: result.estimators, fit: result.fit, predictedExponent: result.predictedExponent,
               title: title(alpha: result.alpha, beta: result.beta, featureCount: result.configuration.featureCount, eta: result.configuration.eta))
    }

    /// The figure of one `experiment gd-failure` run (one estimator; the fit over its last `fitTail` rows, η = 2/τ).
    package static func figure(_ result: GDFailureResult, fitTail: Int = 3) -> Figure {
        let s = result.settings
        return figure(rows: result.rows, estimators: result.rows.map { _ in s.estimator }, fit: GDFailureTable.asymptoticFit(result.rows, tail: fitTail),
                      predictedExponent: result.predictedSlope,
                      title: title(alpha: s.alpha, beta: s.beta, featureCount: s.embedding == .isometric ? nil : s.featureCount, eta: 2 / s.threshold))
    }

    /// The title: the exponents, N (∞ for the isometric embedding) and the step η.
    static func title(alpha: Double, beta: Double, featureCount: Int?, eta: Double) -> String {
        "GD failure probability (α = \(fourSignificantDigits(alpha)), β = \(fourSignificantDigits(beta)), N = \(featureCount.map(String.init) ?? "∞"), η = \(fourSignificantDigits(eta)))"
    }

    /// Rows by estimator with their 95% intervals, the fitted slope over the largest D and the predicted one.
    static func figure(rows allRows: [GDFailureRow], estimators: [FailureEstimator], fit: PowerLawFit?, predictedExponent: Double, title: String) -> Figure {
        var series: [Series] = []
        for (estimator, color, marker) in [(FailureEstimator.plain, Color.blue, Marker.Shape.circle), (.importance, .vermillion, .square)] {
            let rows = zip(allRows, estimators).filter { $0.1 == estimator }.map(\.0)
            guard !rows.isEmpty else { continue }
            series.append(Series.scatter(
                x: rows.map { Double($0.sampleCount) }, y: rows.map(\.probability),
                label: estimator == .plain ? "plain Monte Carlo (Wilson 95%)" : "importance sampling (±1.96 SE)", color: color,
                marker: Marker(marker, size: 7), errorBars: rows.map { ErrorBar.interval(lower: $0.lower, upper: $0.upper, around: $0.probability) }))
        }
        if let fit {
            series.append(Series.line(
                x: FigureStyle.geometricGrid(fit.xRange.lowerBound, fit.xRange.upperBound), y: FigureStyle.geometricGrid(fit.xRange.lowerBound, fit.xRange.upperBound).map(fit.predicted(at:)),
                label: "fit: slope \(UncertainValueFormat.string(-fit.exponent, standardError: fit.exponentStandardError))", color: .black, style: LineStyle(dash: .solid, width: 1.8)))
            let ds = allRows.map { Double($0.sampleCount) }
            let mid = sqrt(fit.xRange.lowerBound * fit.xRange.upperBound)
            series.append(FigureStyle.theoryLine(
                exponent: -predictedExponent, anchorX: mid, anchorY: fit.predicted(at: mid) * 2, xMin: ds.min() ?? mid, xMax: ds.max() ?? mid,
                label: String(format: "predicted slope (α+β)/(1+α) = %.3g", predictedExponent)))
        }
        let plot = Plot(
            title: title,
            xAxis: Axis(label: "data size D", scale: .log10), yAxis: Axis(label: "P(η·λ_{max}(F Fᵀ/D) > 2)", scale: .log10),
            series: series, legendPosition: .bottomLeft)
        return Figure(width: 820, height: 560, plots: [plot])
    }
}
