import Foundation
import ScalingAnalysis
import ScalingTheory

extension OnlineResult {
    /// The verdict rows with their summary.json ids and group (the paper's future work), as this
    /// experiment's JSON (`verdicts`), its text and `reproduce` write them.
    package var verdictRows: [ComparisonRow] {
        comparisonRows.enumerated().map { i, row in row.identified("future.online.\(i)", group: .futureWork) }
    }

    /// The report's rows, by the pure CI rule: each measured exponent against the same fit applied to OUR
    /// finite-N predicted curve at the same (N, t, η), with its CI from the bootstrap over seeds and its
    /// precision from the N = ∞ asymptote (quoted in the text).
    package var comparisonRows: [ComparisonRow] {
        let g = fourSignificantDigits
        var rows: [ComparisonRow] = []
        /// One row: `quantity` measured against `predicted`, resolved from the asymptote `asymptote` (named `asymptoteName`).
        func row(_ quantity: String, predicted: Double, measured: Double?, bootstrap: OnlineSeedBootstrap?,
                 asymptoteName: String, asymptote: Double) -> ComparisonRow {
            ComparisonRow(
                quantity: "one-pass SGD: \(quantity) (prediction OURS: the same fit on the finite-N predicted median curve; asymptote \(asymptoteName) = \(g(asymptote)))",
                predicted: predicted, measured: measured, standardError: bootstrap?.standardError,
                interval: bootstrap.map { ($0.lower, $0.upper) },
                precision: Precision.resolving(predicted, from: [Precision.Alternative("the N = ∞ asymptote \(asymptoteName)", asymptote)]),
                intervalMethod: bootstrap?.method)
        }
        let stepAsymptote = "(α+β)/(1+α+β)"
        if let p = predictedStepFit {
            rows.append(row("t-exponent at N = \(configuration.featureCounts.max() ?? 0)", predicted: p.exponent, measured: stepFit?.exponent,
                            bootstrap: stepFitBootstrap, asymptoteName: stepAsymptote, asymptote: predictedStepExponent))
        }
        if let p = predictedJoint {
            rows.append(row("N-exponent a_N of the joint fit A·N^−a_N + B·t^−a_t (both fits on the points where the prediction holds, A(t) ≤ N/2)",
                            predicted: p.modelExponent, measured: jointInRange?.modelExponent, bootstrap: jointInRangeBootstrap?[0],
                            asymptoteName: "α+β", asymptote: predictedModelExponent))
            rows.append(row("t-exponent a_t of the joint fit", predicted: p.stepExponent, measured: jointInRange?.stepExponent,
                            bootstrap: jointInRangeBootstrap?[1], asymptoteName: stepAsymptote, asymptote: predictedStepExponent))
        }
        if let p = predictedFrontierLossFit {
            rows.append(row("frontier L* ∝ C^−e under C = N·t (both on the points with A(t) ≤ N/2)", predicted: p.exponent,
                            measured: frontierLossFitInRange?.exponent, bootstrap: frontierInRangeBootstrap,
                            asymptoteName: "(α+β)/(2+α+β)", asymptote: predictedFrontier[2]))
        }
        return rows
    }
}
