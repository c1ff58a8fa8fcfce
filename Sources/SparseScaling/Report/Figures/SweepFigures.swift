import Foundation
import SVGPlot

/// Figures of sweeps: loss against N (top panel) and against D (bottom panel), with fits, theory slopes
/// and, where the theory applies (sparse linear data), the predicted loss curve (det, dash-dotted); the
/// first series of a panel (the sparse sweep) in filled markers drawn on top, the others open.
package enum SweepFigures {
    /// Two panels (N-sweeps, D-sweeps) for a set of series; dashed slopes α_N on N, α_N and α_D on D, named
    /// `theoryName`; legends outside the frames, so they never cover data.
    package static func figure(title: String, series: [SweepSeries], predictedAlphaN: Double, predictedAlphaD: Double, theoryName: String = "theory") -> Figure {
        var panels: [Plot] = []
        for variable in [SweptVariable.n, .d] {
            let chosen = series.filter { $0.variable == variable }
            var drawn: [Series] = []
            let markers: [Marker.Shape] = [.circle, .square, .triangle, .diamond]
            for (i, s) in chosen.enumerated() {
                let color = Color.cycle[(series.firstIndex { $0.name == s.name } ?? i) % Color.cycle.count]
                let x = s.points.map { Double(variable == .n ? $0.n : $0.d) }
                var measured = FigureStyle.measured(x: x, y: s.points.map(\.lossMean), se: s.points.map(\.lossStandardError), label: s.name, color: color, marker: markers[i % 4])
                // Sweeps share their x and often their loss: the first series' filled markers lie on top (layer),
                // the later ones' are open and larger, so both stay visible where they coincide.
                measured.layer = chosen.count - i
                if i > 0 { measured.marker = Marker(markers[i % 4], size: 9, filled: false) }
                drawn.append(measured)
                let predicted = PredictedCurves.means(s.points)
                if predicted.contains(where: { $0 != nil }) {
                    drawn.append(FigureStyle.theoryCurve(x: x, y: predicted.map { $0 ?? .nan }, label: "predicted curve (det), \(s.name)", color: color, dash: .dashDotted))
                }
                if let fit = s.fit {
                    drawn.append(FigureStyle.fitLine(fit, variable: variable.rawValue.uppercased(), color: color))
                    let predicted = s.name.hasPrefix("sparse") && variable == .d ? predictedAlphaD : predictedAlphaN
                    let mid = sqrt(fit.xRange.lowerBound * fit.xRange.upperBound)
                    let xs = s.points.map { Double(variable == .n ? $0.n : $0.d) }
                    drawn.append(FigureStyle.theoryLine(
                        exponent: predicted, anchorX: mid, anchorY: fit.predicted(at: mid) * 1.6, xMin: xs.min() ?? mid, xMax: xs.max() ?? mid,
                        label: "\(theoryName): slope −\(String(format: "%.3g", predicted))", color: color))
                }
            }
            let (x, y) = FigureStyle.logAxes(x: variable == .n ? "model size N" : "data size D", y: "test loss L")
            panels.append(Plot(title: variable == .n ? "N-sweeps (data-rich)" : "D-sweeps (model-rich)", xAxis: x, yAxis: y, series: drawn, legendPosition: .outsideRight))
        }
        return Figure(width: 1180, height: 920, title: title, plots: panels, columns: 1)
    }
}
