import Foundation
import SVGPlot

/// The SVG figures of one experiment's output, by file stem: the drawings `reproduce` puts in its report,
/// written by each `experiment` command beside its CSV and JSON.
package enum ExperimentFigures {
    /// Every figure of `output` (one for most experiments, one per solver for `relu-sweeps`; the
    /// observed-coordinates and model-rich-loss panels of the report's theory-checks figure, each alone).
    package static func figures(of output: any ExperimentOutput) -> [(stem: String, figure: Figure)] {
        switch output {
        case let result as LinearSweepsResult: return [("linear-sweeps", linearSweeps(result))]
        case let result as ReLUSweepsResult: return reluSweeps(result)
        case let result as CollapseResult: return [("collapse", CollapseFigure.figure(result))]
        case let result as FrontierResult: return [("frontier", FrontierFigure.figure(result))]
        case let result as ObservedCoordinatesResult: return [("observed-coordinates", TheoryCheckFigures.figure(observed: result))]
        case let result as ModelRichLossResult: return [("model-rich-loss", TheoryCheckFigures.figure(modelRich: result))]
        case let result as GDFailureTable: return [("gd-failure", GDFailureFigure.figure(result))]
        case let result as LossCurveResult: return [("loss-curve", LossCurveFigure.figure(result))]
        case let result as LabelNoiseResult: return [("label-noise", LabelNoiseFigure.figure(result))]
        case let result as OnlineResult: return [("online", OnlineFigure.figure(result))]
        default: return []
        }
    }

    /// Writes every figure of `output` into `folder` as `<stem>.svg` (atomically) and returns their URLs.
    package static func write(_ output: any ExperimentOutput, to folder: URL) throws -> [URL] {
        try figures(of: output).map { stem, figure in
            let url = folder.appendingPathComponent("\(stem).svg")
            try AtomicFileWriter.write(figure.svg(idPrefix: stem), to: url)
            return url
        }
    }

    /// Fig. 5: the four linear sweeps with their fits and the predicted slopes α_N, α_D.
    package static func linearSweeps(_ result: LinearSweepsResult) -> Figure {
        SweepFigures.figure(
            title: "Linear random features (α = \(fourSignificantDigits(result.alpha)), β = \(fourSignificantDigits(result.beta)))", series: result.series,
            predictedAlphaN: result.predictedAlphaN, predictedAlphaD: result.predictedAlphaD)
    }

    /// Figs. 4 and 6: the four sweeps with ReLU features, one figure per solver (stem `relu-sweeps-<solver>`), beside
    /// the linear theory's slopes α_N = α + β and α_D = (α + β)/β (α + β for β ≤ 1).
    package static func reluSweeps(_ result: ReLUSweepsResult) -> [(stem: String, figure: Figure)] {
        let alphaN = result.alpha + result.beta
        let alphaD = result.beta > 1 ? alphaN / result.beta : alphaN
        return result.sets.map { set in
            ("relu-sweeps-\(set.solver.rawValue)", SweepFigures.figure(
                title: "ReLU random features, \(solverName(set.solver)) (α = \(fourSignificantDigits(result.alpha)), β = \(fourSignificantDigits(result.beta)))",
                series: set.series, predictedAlphaN: alphaN, predictedAlphaD: alphaD, theoryName: "linear theory"))
        }
    }

    /// How the report names a ReLU solver.
    package static func solverName(_ solver: SolverKind) -> String {
        solver == .direct ? "pseudoinverse" : "Nesterov with adaptive restart"
    }
}
