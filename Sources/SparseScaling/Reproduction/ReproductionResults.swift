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

    /// The precision of an exponent row: half its distance to the competing exponent `alternative` (`Precision`).
    static func exponentPrecision(_ predicted: Double, against alternative: Precision.Alternative) -> SourcedValue {
        Precision.exponent(predicted, alternatives: [alternative])
    }

    /// The asymptote as the competing prediction of a finite-size prediction (same fit on the predicted curve).
    static func asymptote(_ name: String, _ value: Double) -> Precision.Alternative {
        Precision.Alternative("the asymptote \(name) (no finite-size effect)", value)
    }

    /// A row for the exponent of a power-law fit: its t interval (k = points − 2), precision against `alternative`.
    static func fitRow(id: String, group: ClaimGroup, quantity: String, predicted: Double, fit: PowerLawFit?, sign: Double = 1,
                       against alternative: Precision.Alternative) -> ComparisonRow {
        ComparisonRow(
            id: id, group: group, quantity: quantity, predicted: predicted, measured: fit.map { sign * $0.exponent },
            standardError: fit?.exponentStandardError,
            interval: fit.map { sign > 0 ? ($0.exponentInterval.lower, $0.exponentInterval.upper) : (-$0.exponentInterval.upper, -$0.exponentInterval.lower) },
            method: fit.map { .fit(points: $0.pointCount) } ?? .none, precision: exponentPrecision(predicted, against: alternative))
    }

    /// The rows of the prediction-vs-measurement table, each with a stable id and its claim group:
    /// the paper's claims, our own predictions (finite-size curves, the collapse at each D), and the
    /// paper's future work (label noise, one-pass SGD; predictions ours).
    package var comparisonRows: [ComparisonRow] {
        var rows: [ComparisonRow] = []
        let modelAlternative = Precision.symmetricModelExponent(alpha: alpha, beta: beta)
        let dataAlternative = Precision.symmetricDataExponent(alpha: alpha, beta: beta)
        let jointMethod: IntervalMethod = linear.joint.map {
            .studentT(degreesOfFreedom: $0.pointCount - $0.seriesCount - 1, of: "joint fit of \($0.pointCount) points in \($0.seriesCount) series; residual scatter only")
        } ?? .none
        rows.append(ComparisonRow(
            id: "paper.alpha_n.joint", group: .paper,
            quantity: "α_N, joint fit of sparse N-, dense N- and dense D-sweeps (linear)", predicted: linear.predictedAlphaN,
            measured: linear.alphaNJoint, standardError: linear.alphaNJointStandardError,
            interval: linear.joint.map { ($0.sharedExponentInterval.lower, $0.sharedExponentInterval.upper) },
            method: jointMethod, precision: Self.exponentPrecision(linear.predictedAlphaN, against: modelAlternative)))
        let sparseDFit = linear.series.first { $0.name == "sparse D-sweep" }?.fit
        rows.append(Self.fitRow(id: "paper.alpha_d.sparse", group: .paper, quantity: "α_D, sparse D-sweep (linear)",
                                predicted: linear.predictedAlphaD, fit: sparseDFit, against: dataAlternative))
        if let predicted = linear.sparseDPredictedFit {
            rows.append(Self.fitRow(
                id: "ours.alpha_d.sparse.finite_size", group: .ours,
                quantity: "α_D, sparse D-sweep (linear), vs the same fit on the predicted curve at the same (N, D) (docs/theory.md §6, finite size)",
                predicted: predicted.exponent, fit: sparseDFit, against: Self.asymptote("α_D", linear.predictedAlphaD)))
        }
        if let n = linear.alphaNJoint, let d = linear.alphaDSparse, let sn = linear.alphaNJointStandardError, let sd = linear.alphaDSparseStandardError {
            let ratio = n / d
            let se = ratio * ((sn / n) * (sn / n) + (sd / d) * (sd / d)).squareRoot()
            let predicted = linear.predictedAlphaN / linear.predictedAlphaD
            rows.append(ComparisonRow(
                id: "paper.asymmetry_ratio", group: .paper, quantity: "asymmetry ratio α_N/α_D (linear)", predicted: predicted,
                measured: ratio, standardError: se, interval: nil,
                method: IntervalMethod(kind: .normal, description: "normal approximation ± 1.96 SE, SE by the delta method from the two fits' SEs"),
                precision: Self.exponentPrecision(predicted, against: Precision.Alternative("symmetric scaling α_N/α_D = 1", 1))))
        }
        if let predicted = linear.sparseNPredictedFit {
            rows.append(Self.fitRow(
                id: "ours.alpha_n.sparse.finite_size", group: .ours,
                quantity: "exponent of the sparse N-sweep (linear), vs the same fit on the predicted curve at the same (N, D) (docs/theory.md §6, finite size)",
                predicted: predicted.exponent, fit: linear.series.first { $0.name == "sparse N-sweep" }?.fit,
                against: Self.asymptote("α_N", linear.predictedAlphaN)))
        }
        for s in linear.series where s.name != "sparse D-sweep" {
            rows.append(Self.fitRow(id: "paper.exponent.\(ComparisonRow.identifier(s.name))", group: .paper,
                                    quantity: "exponent of the \(s.name) (linear)", predicted: linear.predictedAlphaN, fit: s.fit,
                                    against: s.name.contains("D-sweep")
                                        ? Precision.Alternative("sparse-data scaling α_D = (α + β)/β", (alpha + beta) / beta) : modelAlternative))
        }
        rows += collapse.comparisonRows
        rows.append(ComparisonRow(
            id: "paper.frontier.loss_exponent", group: .paper,
            quantity: "compute-frontier loss exponent (α+β)/(β+2)", predicted: frontier.predictedLossExponent,
            measured: frontier.lossExponent, standardError: frontier.lossExponentStandardError, interval: frontier.lossExponentInterval,
            method: .bootstrap("t with \((frontier.fit?.pointCount ?? 2) - 2) degrees of freedom of the envelope fit, SE the larger of the fit's and a bootstrap over seeds"),
            precision: Self.exponentPrecision(
                frontier.predictedLossExponent,
                against: Precision.Alternative("symmetric scaling (α_N = α_D = α + β: balanced N ∝ D, C = N³) (α + β)/3", (alpha + beta) / 3))))
        if let predicted = frontier.predictedFit {
            rows.append(ComparisonRow(
                id: "ours.frontier.loss_exponent.finite_size", group: .ours,
                quantity: "compute-frontier loss exponent, vs the same envelope and fit on the predicted mean at every measured (N, D) (docs/theory.md §6, finite size)",
                predicted: predicted.exponent, measured: frontier.lossExponent, standardError: frontier.lossExponentStandardError,
                interval: frontier.lossExponentInterval,
                method: .bootstrap("t with \((frontier.fit?.pointCount ?? 2) - 2) degrees of freedom of the envelope fit, SE the larger of the fit's and a bootstrap over seeds"),
                precision: Self.exponentPrecision(predicted.exponent, against: Self.asymptote("(α + β)/(β + 2)", frontier.predictedLossExponent)),
                note: "the predicted envelope is taken over exact means; the measured one over noisy means, whose lowest values bias its exponent low when seeds are few"))
        }
        let largest = observedCoordinates.rows.last
        rows.append(ComparisonRow(
            id: "paper.observed_coordinates.largest_d", group: .paper,
            quantity: "observed coordinates K(D) at D = \(largest?.sampleCount ?? 0) (exact expectation)", predicted: largest?.exact ?? .nan,
            measured: largest?.mean, standardError: largest?.standardError, interval: nil,
            method: .normal(seeds: nil),
            precision: Precision.resolving(largest?.exact ?? .nan, from: (largest?.asymptotic).map {
                [Precision.Alternative("the asymptote Γ(1 − 1/β)·D^(1/β)", $0)] } ?? [])))
        let ratios = modelRichLoss.ratios
        let meanRatio = ratios.reduce(0, +) / Double(max(1, ratios.count))
        let ratioSE = ratios.count > 1 ? (ratios.reduce(0) { $0 + ($1 - meanRatio) * ($1 - meanRatio) } / Double(ratios.count - 1) / Double(ratios.count)).squareRoot() : nil
        let ratioT = ratios.count > 1 ? StudentT.quantile(0.975, degreesOfFreedom: Double(ratios.count - 1)) : .nan
        rows.append(ComparisonRow(
            id: "paper.model_rich_loss.ratio", group: .paper,
            quantity: "model-rich loss / exact Σ λ_i(1 − p_i)^D, mean over D", predicted: 1, measured: meanRatio, standardError: ratioSE,
            interval: ratioSE.map { (meanRatio - ratioT * $0, meanRatio + ratioT * $0) },
            method: ratios.count > 1 ? .studentT(degreesOfFreedom: ratios.count - 1, of: "mean of \(ratios.count) D values' ratios") : .none,
            precision: Precision.resolving(1, from: [modelRichLoss.asymptoticAlternative])))
        for set in relu.sets {
            let solver = set.solver == .direct ? "pseudoinverse" : set.solver.rawValue
            let id = "paper.relu.asymmetry.\(ComparisonRow.identifier(solver))"
            if let n = set.alphaN, let d = set.alphaD {
                rows.append(ComparisonRow(
                    positiveQuantity: "ReLU asymmetry α_N − α_D, sparse sweeps (\(solver)): α_N = \(UncertainValueFormat.string(n.exponent, standardError: n.exponentStandardError)), α_D = \(UncertainValueFormat.string(d.exponent, standardError: d.exponentStandardError))",
                    measured: n.exponent - d.exponent,
                    standardError: (n.exponentStandardError * n.exponentStandardError + d.exponentStandardError * d.exponentStandardError).squareRoot(),
                    id: id, group: .paper))
            } else {
                rows.append(ComparisonRow(positiveQuantity: "ReLU asymmetry α_N − α_D, sparse sweeps (\(solver))", measured: nil, standardError: nil, id: id, group: .paper))
            }
        }
        rows.append(Self.fitRow(
            id: "paper.gd_failure.slope", group: .paper,
            quantity: "GD failure probability slope d ln P/d ln D at large D (α = \(fourSignificantDigits(gdFailure.alpha))), fit over \(gdFailure.fitPointsText)",
            predicted: gdFailure.predictedExponent, fit: gdFailure.fit, sign: -1,
            against: Precision.Alternative("no decay (slope 0: failures at a fixed rate)", 0)))
        for (p, i) in gdFailure.estimatorPairs {
            let se = (p.standardError * p.standardError + i.standardError * i.standardError).squareRoot()
            rows.append(ComparisonRow(
                id: "ours.gd_failure.estimators.d\(p.sampleCount)", group: .ours,
                quantity: "GD failure probability at D = \(p.sampleCount): importance sampling − plain Monte Carlo (both unbiased, so 0)",
                predicted: 0, measured: i.probability - p.probability, standardError: se, interval: nil,
                method: IntervalMethod(kind: .normal, description: "normal approximation ± 1.96 SE of the difference (plain: binomial SE of \(p.replicates) replicates; importance: SE of \(i.replicates) weights)"),
                precision: gdFailure.estimatorPrecision(at: p)))
        }
        rows += lossCurve.comparisonRows
        rows += labelNoise.verdictRows
        rows += online.verdictRows
        return rows
    }
}
