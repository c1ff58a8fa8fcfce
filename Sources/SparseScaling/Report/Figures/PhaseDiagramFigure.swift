import Foundation
import SVGPlot

/// The phase diagram (paper Fig. 1): regimes in the (N, D) plane around the interpolation threshold
/// N = K(D), and the (α, β) plane with the one-/two-exponent laws and the GD-spike region.
package enum PhaseDiagramFigure {
    /// The two-panel figure at the data parameters `parameters`.
    package static func figure(parameters: DataParameters) -> Figure {
        let ds = FigureStyle.geometricGrid(1, 1e8, count: 60)
        let threshold = ds.map { parameters.interpolationThreshold(sampleCount: $0) }
        let top = 1e9
        let under = zip(ds, threshold).map { Series.Point(x: $0, y: $1) } + [Series.Point(x: ds.last!, y: 1), Series.Point(x: 1, y: 1)]
        let intermediate = zip(ds, threshold).map { Series.Point(x: $0, y: $1) } + zip(ds, ds).reversed().map { Series.Point(x: $0, y: $1) }
        let over = zip(ds, ds).map { Series.Point(x: $0, y: $1) } + [Series.Point(x: ds.last!, y: top), Series.Point(x: 1, y: top)]
        let left = Plot(
            title: "Regimes in the (D, N) plane (α = \(fourSignificantDigits(parameters.alpha)), β = \(fourSignificantDigits(parameters.beta)))",
            xAxis: Axis(label: "data size D", scale: .log10, range: 1...1e8, padding: 0), yAxis: Axis(label: "model size N", scale: .log10, range: 1...top, padding: 0),
            series: [
                FigureStyle.theoryCurve(x: ds, y: threshold, label: "interpolation threshold N = K(D)", color: .black, dash: .solid),
                FigureStyle.theoryCurve(x: ds, y: ds, label: "N = D", color: .gray),
            ],
            regions: [
                FilledRegion(vertices: under, color: .blue, opacity: 0.18, label: "underparameterized", labelPosition: Series.Point(x: 1e6, y: 30), includeInAutoRange: false),
                FilledRegion(vertices: intermediate, color: .bluishGreen, opacity: 0.18, label: "intermediate", labelPosition: Series.Point(x: 1e6, y: 1e5), includeInAutoRange: false),
                FilledRegion(vertices: over, color: .vermillion, opacity: 0.15, label: "heavily overparameterized", labelPosition: Series.Point(x: 30, y: 1e7), includeInAutoRange: false),
            ],
            legendPosition: .topLeft)
        // (α, β) plane: α on x, β on y.
        let aMin = -3.0, aMax = 3.0, bMax = 4.0
        let invalid = [Series.Point(x: aMin, y: 0), Series.Point(x: 0, y: 0), Series.Point(x: aMin, y: -aMin)]
        let oneExponent = [Series.Point(x: -1, y: 1), Series.Point(x: 0, y: 0), Series.Point(x: aMax, y: 0), Series.Point(x: aMax, y: 1)]
        let twoExponent = [Series.Point(x: aMin, y: -aMin), Series.Point(x: -1, y: 1), Series.Point(x: aMax, y: 1), Series.Point(x: aMax, y: bMax), Series.Point(x: aMin, y: bMax)]
        let spikes = [Series.Point(x: aMin, y: -aMin), Series.Point(x: -1, y: 1), Series.Point(x: -1, y: bMax), Series.Point(x: aMin, y: bMax)]
        let right = Plot(
            title: "Laws in the (α, β) plane",
            xAxis: Axis(label: "amplitude exponent α", range: aMin...aMax, padding: 0), yAxis: Axis(label: "activation exponent β", range: 0...bMax, padding: 0),
            series: [Series.scatter(x: [parameters.alpha], y: [parameters.beta], label: "this report", color: .black, marker: Marker(.diamond, size: 9))],
            regions: [
                FilledRegion(vertices: invalid, color: .gray, opacity: 0.35, label: "α + β ≤ 0: invalid", labelPosition: Series.Point(x: -2.0, y: 0.4)),
                FilledRegion(vertices: oneExponent, color: .blue, opacity: 0.18, label: "β ≤ 1: one exponent", labelPosition: Series.Point(x: 1.2, y: 0.5)),
                FilledRegion(vertices: twoExponent, color: .orange, opacity: 0.15, label: "β > 1: α_{N} = α+β, α_{D} = (α+β)/β", labelPosition: Series.Point(x: 1.0, y: 3.6)),
                FilledRegion(vertices: spikes, color: .vermillion, opacity: 0.2, label: "α < −1: GD spikes", labelPosition: Series.Point(x: -2.0, y: 3.3)),
            ],
            legendPosition: .bottomRight)
        return Figure(width: 1180, height: 540, title: "Phase diagram", plots: [left, right], columns: 2)
    }
}
