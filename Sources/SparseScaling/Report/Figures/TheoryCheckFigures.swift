import Foundation
import SVGPlot

/// Figures checking Lemma 3.2 (observed coordinates) and Theorem 3.3 (model-rich loss) against the theory.
package enum TheoryCheckFigures {
    /// Two panels: K(D) measured vs exact and asymptote; model-rich loss measured vs exact and asymptote.
    package static func figure(observed: ObservedCoordinatesResult, modelRich: ModelRichLossResult) -> Figure {
        Figure(width: 1180, height: 500, plots: [observedCoordinatesPlot(observed), modelRichLossPlot(modelRich)], columns: 2)
    }

    /// The panel of `experiment observed-coordinates` alone.
    package static func figure(observed: ObservedCoordinatesResult) -> Figure {
        Figure(width: 720, height: 500, plots: [observedCoordinatesPlot(observed)])
    }

    /// The panel of `experiment model-rich-loss` alone.
    package static func figure(modelRich: ModelRichLossResult) -> Figure {
        Figure(width: 720, height: 500, plots: [modelRichLossPlot(modelRich)])
    }

    /// The asymptotes: dotted, with dots wider than the solid exact curve they follow closely, so both show.
    static let asymptoteStyle = LineStyle(dash: .dotted, width: 2.4)

    /// K(D): mean ± SE over seeds against the exact sum Σ 1 − (1 − p_i)^D (solid) and the asymptote Γ(1 − 1/β)·D^(1/β) (dotted).
    static func observedCoordinatesPlot(_ observed: ObservedCoordinatesResult) -> Plot {
        let ds = observed.rows.map { Double($0.sampleCount) }
        var series: [Series] = [
            FigureStyle.measured(x: ds, y: observed.rows.map(\.mean), se: observed.rows.map(\.standardError), label: "measured K(D)", color: .blue),
            FigureStyle.theoryCurve(x: ds, y: observed.rows.map(\.exact), label: "exact Σ 1 − (1 − p_{i})^{D}", color: .black, dash: .solid),
        ]
        let asymptoticK = observed.rows.compactMap(\.asymptotic)
        if asymptoticK.count == ds.count {
            series.append(Series.line(x: ds, y: asymptoticK, label: "Γ(1 − 1/β)·D^{1/β}", color: .vermillion, style: Self.asymptoteStyle))
        }
        return Plot(title: "Lemma 3.2: observed coordinates", xAxis: Axis(label: "data size D", scale: .log10), yAxis: Axis(label: "K(D)", scale: .log10),
                    series: series, legendPosition: .topLeft)
    }

    /// The model-rich loss: mean ± SE over seeds against the exact sum Σ λ_i (1 − p_i)^D (solid) and its asymptote (dotted).
    static func modelRichLossPlot(_ modelRich: ModelRichLossResult) -> Plot {
        let md = modelRich.points.map { Double($0.d) }
        var series: [Series] = [
            FigureStyle.measured(x: md, y: modelRich.points.map(\.lossMean), se: modelRich.points.map(\.lossStandardError),
                                 label: "measured, N = \(fourSignificantDigits(modelRich.configuration.modelRichRatio))·D", color: .blue),
            FigureStyle.theoryCurve(x: md, y: modelRich.exact, label: "exact Σ λ_{i} (1 − p_{i})^{D}", color: .black, dash: .solid),
        ]
        let asymptoticL = modelRich.asymptotic.compactMap { $0 }
        if asymptoticL.count == md.count {
            series.append(Series.line(x: md, y: asymptoticL, label: "(1/β)Γ((α+β)/β)·D^{−(α+β)/β}", color: .vermillion, style: Self.asymptoteStyle))
        }
        return Plot(title: "Theorem 3.3: model-rich loss", xAxis: Axis(label: "data size D", scale: .log10), yAxis: Axis(label: "test loss L", scale: .log10),
                    series: series, legendPosition: .bottomLeft)
    }
}
