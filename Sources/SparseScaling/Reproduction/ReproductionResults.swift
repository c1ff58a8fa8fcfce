import Foundation
import ScalingAnalysis

/// Everything `reproduce` measured, ready for the report and summary.json.
package struct ReproductionResults: Sendable {
    /// The profile and data parameters.
    package let plan: ReproductionPlan
    package let alpha: Double
    package let beta: Double
    /// The closed forms at the reproduction's parameters.
    package let theory: TheoryReport
    package let observedCoordinates: ObservedCoordinatesResult
    package let modelRichLoss: ModelRichLossResult
    package let linear: LinearSweepsResult
    package let collapse: CollapseResult
    package let frontier: FrontierResult
    package let relu: ReLUSweepsResult
    package let gdFailure: GDFailureTable
    /// The predicted loss curve (docs/theory.md §6) against the measured one.
    package let lossCurve: LossCurveResult
    /// Label noise (docs/theory.md §7.1): floor, peak growth and ridge, the paper's future work.
    package let labelNoise: LabelNoiseResult
    /// One-pass SGD's loss curves, exponents and compute frontier (docs/theory.md §7.3).
    package let online: OnlineResult
    /// Wall-clock seconds of the whole run.
    package let seconds: Double

    /// The rows of the prediction-vs-measurement table.
    package var comparisonRows: [ComparisonRow] {
        var rows: [ComparisonRow] = []
        rows.append(ComparisonRow(
            quantity: "α_N, joint fit of sparse N-, dense N- and dense D-sweeps (linear)", predicted: linear.predictedAlphaN,
            measured: linear.alphaNJoint, standardError: linear.alphaNJointStandardError,
            interval: linear.joint.map { ($0.sharedExponentInterval.lower, $0.sharedExponentInterval.upper) }, tolerance: 0.15))
        let sparseDFit = linear.series.first { $0.name == "sparse D-sweep" }?.fit
        rows.append(ComparisonRow(
            quantity: "α_D, sparse D-sweep (linear)", predicted: linear.predictedAlphaD, measured: sparseDFit?.exponent,
            standardError: sparseDFit?.exponentStandardError, interval: sparseDFit.map { ($0.exponentInterval.lower, $0.exponentInterval.upper) }, tolerance: 0.05))
        if let n = linear.alphaNJoint, let d = linear.alphaDSparse, let sn = linear.alphaNJointStandardError, let sd = linear.alphaDSparseStandardError {
            let ratio = n / d
            let se = ratio * ((sn / n) * (sn / n) + (sd / d) * (sd / d)).squareRoot()
            rows.append(ComparisonRow(quantity: "asymmetry ratio α_N/α_D (linear)", predicted: linear.predictedAlphaN / linear.predictedAlphaD, measured: ratio, standardError: se, tolerance: 0.2))
        }
        for s in linear.series where s.name != "sparse D-sweep" {
            rows.append(ComparisonRow(
                quantity: "exponent of the \(s.name) (linear)", predicted: linear.predictedAlphaN, measured: s.fit?.exponent,
                standardError: s.fit?.exponentStandardError, interval: s.fit.map { ($0.exponentInterval.lower, $0.exponentInterval.upper) }, tolerance: 0.15))
        }
        let peaks = collapse.curves.map { log($0.peakX) }.filter(\.isFinite)
        let step = log(2.0) / Double(plan.collapse.pointsPerOctave)
        let peakSE: Double? = peaks.count > 1 ? {
            let m = peaks.reduce(0, +) / Double(peaks.count)
            return collapse.peakX * (peaks.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(peaks.count - 1) / Double(peaks.count)).squareRoot()
        }() : nil
        rows.append(ComparisonRow(
            quantity: "double-descent peak x = N/D^{1/β} on the median, vs the asymptote Γ(1−1/β) (grid step ×\(String(format: "%.3f", exp(step))))", predicted: collapse.predictedPeakX,
            measured: collapse.peakX, standardError: peakSE, tolerance: collapse.predictedPeakX * (exp(step) - 1)))
        if let predicted = collapse.predictedMedianPeakX {
            rows.append(ComparisonRow(
                quantity: "double-descent peak x on the median, vs the predicted median peak at these D (§6.1 law mixed over r)", predicted: predicted,
                measured: collapse.peakX, standardError: peakSE, tolerance: predicted * (exp(step) - 1)))
        }
        rows += collapsePeakHeightRows()
        rows.append(ComparisonRow(
            quantity: "compute-frontier loss exponent (α+β)/(β+2), SE incl. seed bootstrap", predicted: frontier.predictedLossExponent,
            measured: frontier.lossExponent, standardError: frontier.lossExponentStandardError, interval: frontier.lossExponentInterval,
            tolerance: 0.05))
        let largest = observedCoordinates.rows.last
        rows.append(ComparisonRow(
            quantity: "observed coordinates K(D) at D = \(largest?.sampleCount ?? 0) (exact expectation)", predicted: largest?.exact ?? .nan,
            measured: largest?.mean, standardError: largest?.standardError, tolerance: nil))
        let ratios = modelRichLoss.ratios
        let meanRatio = ratios.reduce(0, +) / Double(max(1, ratios.count))
        let ratioSE = ratios.count > 1 ? (ratios.reduce(0) { $0 + ($1 - meanRatio) * ($1 - meanRatio) } / Double(ratios.count - 1) / Double(ratios.count)).squareRoot() : nil
        rows.append(ComparisonRow(
            quantity: "model-rich loss / exact Σ λ_i(1 − p_i)^D, mean over D", predicted: 1, measured: meanRatio, standardError: ratioSE, tolerance: 0.1))
        for set in relu.sets {
            let solver = set.solver == .direct ? "pseudoinverse" : set.solver.rawValue
            if let n = set.alphaN, let d = set.alphaD {
                rows.append(ComparisonRow(
                    positiveQuantity: "ReLU asymmetry α_N − α_D, sparse sweeps (\(solver)): α_N = \(UncertainValueFormat.string(n.exponent, standardError: n.exponentStandardError)), α_D = \(UncertainValueFormat.string(d.exponent, standardError: d.exponentStandardError))",
                    measured: n.exponent - d.exponent,
                    standardError: (n.exponentStandardError * n.exponentStandardError + d.exponentStandardError * d.exponentStandardError).squareRoot()))
            } else {
                rows.append(ComparisonRow(positiveQuantity: "ReLU asymmetry α_N − α_D, sparse sweeps (\(solver))", measured: nil, standardError: nil))
            }
        }
        rows.append(ComparisonRow(
            quantity: "GD failure probability slope d ln P/d ln D at large D (α = \(fourSignificantDigits(gdFailure.alpha)))", predicted: gdFailure.predictedExponent,
            measured: gdFailure.fittedSlope, standardError: gdFailure.fit?.exponentStandardError,
            interval: gdFailure.fit.map { (-$0.exponentInterval.upper, -$0.exponentInterval.lower) }, tolerance: 0.3))
        rows += lossCurve.comparisonRows
        rows += labelNoise.comparisonRows
        rows += online.comparisonRows
        return rows
    }

    /// The median peak height at the largest D with a predicted median there: measured median over the
    /// predicted one, CI from the median's order statistics (distribution-free), tolerance 20%.
    func collapsePeakHeightRows() -> [ComparisonRow] {
        for curve in collapse.curves.reversed() {
            guard let predicted = curve.predictedMedianYAtPeak, predicted > 0,
                  let peak = curve.x.firstIndex(of: curve.peakX) else { continue }
            let quantiles = curve.points[peak].lossQuantiles
            let ratio = curve.peakMedianY / predicted
            // Without an order-statistic interval (fewer than 6 seeds) nothing bounds the median: [0, ∞).
            var interval = (0.0, Double.infinity)
            if let q = quantiles, q.median > 0, let ci = q.medianInterval {
                interval = (ci.lower / q.median * ratio, ci.upper / q.median * ratio)
            }
            return [ComparisonRow(
                quantity: "median peak height at D = \(curve.sampleCount), N = \(curve.points[peak].n): measured/predicted median (95% CI from order statistics)",
                predicted: 1, measured: ratio, standardError: nil,
                interval: interval, tolerance: 0.2)]
        }
        return []
    }
}
