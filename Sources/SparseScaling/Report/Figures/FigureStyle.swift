import Foundation
import ScalingAnalysis
import SVGPlot

/// The shared visual language of the report's figures: measured points with error bars, fitted
/// power laws as solid lines (exponent ± SE in the legend), theory as dashed lines.
package enum FigureStyle {
    /// Mean ± SE markers of measured points at the given x values.
    package static func measured(x: [Double], y: [Double], se: [Double?], label: String, color: Color, marker: Marker.Shape = .circle) -> Series {
        Series.scatter(x: x, y: y, label: label, color: color, marker: Marker(marker, size: 6), errorBars: se.map { ErrorBar.symmetric($0 ?? 0) })
    }

    /// The fitted power law over its tail's x range, labelled with exponent ± SE (the fit's, or `standardError` when given).
    package static func fitLine(_ fit: PowerLawFit, variable: String, color: Color, labelPrefix: String = "fit",
                                standardError: Double? = nil) -> Series {
        let xs = geometricGrid(fit.xRange.lowerBound, fit.xRange.upperBound)
        return Series.line(
            x: xs, y: xs.map(fit.predicted(at:)),
            label: "\(labelPrefix): \(variable)^{−a}, a = \(UncertainValueFormat.string(fit.exponent, standardError: standardError ?? fit.exponentStandardError))",
            color: color, style: LineStyle(dash: .solid, width: 1.8))
    }

    /// A dashed theory line y = c·x^(−exponent) through the anchor point, over [xMin, xMax].
    package static func theoryLine(exponent: Double, anchorX: Double, anchorY: Double, xMin: Double, xMax: Double, label: String?, color: Color = .gray) -> Series {
        let xs = geometricGrid(xMin, xMax)
        return Series.line(x: xs, y: xs.map { anchorY * pow($0 / anchorX, -exponent) }, label: label, color: color, style: LineStyle(dash: .dashed, width: 1.4))
    }

    /// A dashed theory curve through given points.
    package static func theoryCurve(x: [Double], y: [Double], label: String?, color: Color = .gray, dash: LineStyle.Dash = .dashed) -> Series {
        Series.line(x: x, y: y, label: label, color: color, style: LineStyle(dash: dash, width: 1.4))
    }

    /// 40 points evenly spaced in log between a and b.
    package static func geometricGrid(_ a: Double, _ b: Double, count: Int = 40) -> [Double] {
        guard a > 0, b > a else { return [a, b] }
        return (0..<count).map { a * pow(b / a, Double($0) / Double(count - 1)) }
    }

    /// A log–log axis pair.
    package static func logAxes(x: String, y: String) -> (Axis, Axis) {
        (Axis(label: x, scale: .log10), Axis(label: y, scale: .log10))
    }
}
