import Foundation
import ScalingAnalysis

/// What `experiment label-noise` measured: per point the excess and test losses over seeds (mean,
/// median, 10/90% quantiles), and per σ² the noise floor, the peak height and the best ridge, with
/// the paper's hypothesis ("noise imposes a floor rather than removing the sparsity-driven bottleneck
/// until it dominates") as verdicts that can fail.
package struct LabelNoiseResult: ExperimentOutput {
    package static let name = "label-noise"
    /// The columns of `label-noise.csv`.
    package static let csvHeaders = [
        "sweep", "noise_variance", "n", "d", "ridge", "seeds", "excess_mean", "excess_median", "excess_q10", "excess_q90", "excess_max",
        "test_mean", "test_median", "test_q10", "test_q90", "k_mean", "heavy_tailed", "heavy_tail_reasons",
    ]
    /// The columns of `label-noise-summary.csv`.
    package static let summaryCSVHeaders = [
        "noise_variance", "floor_fit", "floor_fit_exponent", "floor_fit_exponent_se", "excess_exponent", "excess_exponent_se", "peak_n", "peak_median_excess", "peak_q10", "peak_q90",
        "peak_growth_log", "peak_growth_log_se", "exponent_gives_way_at_d", "floor_dominates_from_d", "optimal_ridge", "optimal_ridge_median_test",
        "ridgeless_median_test", "ridgeless_q90_over_median", "tail_removing_ridge",
    ]

    /// Which sweep a row belongs to.
    package enum Sweep: String, Sendable, Codable {
        /// Along N at fixed D (through the double-descent peak), ridgeless.
        case n = "N-sweep"
        /// Along D with N = ratio·D (model-rich), ridgeless.
        case d = "D-sweep"
        /// Along λ_r at the peak N ≈ E[K(D)].
        case ridge = "ridge"
    }

    /// One measured point.
    package struct Row: Sendable, Codable {
        package var sweep: Sweep
        package var labelNoiseVariance: Double
        package var n: Int
        package var d: Int
        package var ridge: Double
        /// Excess loss Σλ(w_eff − w*)² over seeds.
        package var excess: LossDistribution
        /// Test loss = excess + σ² over seeds.
        package var test: LossDistribution
        package var meanObservedCoordinates: Double
        /// The per-seed excess losses, in seed order.
        package var losses: [Double]
        /// Whether the mean excess loss means anything (peak band, or a few seeds set it).
        package var heavyTail: HeavyTailAssessment

        /// The row of a measured point of sweep `sweep` at noise variance σ² = `labelNoiseVariance`.
        package init(sweep: Sweep, point p: MeasuredPoint, labelNoiseVariance: Double) {
            self.sweep = sweep
            self.labelNoiseVariance = labelNoiseVariance
            n = p.n
            d = p.d
            ridge = p.specification.ridge
            excess = LossDistribution(p.losses)
            test = LossDistribution(p.losses.map { $0 + labelNoiseVariance })
            meanObservedCoordinates = p.meanObservedCoordinates
            losses = p.losses
            heavyTail = p.heavyTail
        }
    }

    /// What was found at one σ².
    package struct NoiseLevel: Sendable, Codable {
        package var labelNoiseVariance: Double
        /// Fit of the median test loss along the D-sweep: c·D^(−γ) + floor.
        package var floorFit: NoiseFloorFit?
        /// The double-descent peak: the largest median excess loss along the N-sweep among the N within a
        /// factor 2 of E[K(D)] (where the interpolation threshold sits), its N, and its 10/90% quantiles.
        package var peakN: Int
        package var peakMedian: Double
        package var peakLower: Double
        package var peakUpper: Double
        /// Bootstrap SE of ln(peak median / noiseless peak median) (nil for σ² = 0).
        package var peakGrowthLog: Double?
        package var peakGrowthLogStandardError: Double?
        /// Power-law fit of the median excess loss along the D-sweep (σ² taken as the floor).
        package var excessFit: PowerLawFit?
        /// Local exponents of the median excess loss between successive D of the D-sweep.
        package var localExponents: [Double]
        /// The first D at whose upper end the local exponent of the median excess loss falls below
        /// 0.7·α_D (the D-exponent gives way to the noise term); nil when it never does in range.
        package var exponentGivesWayAt: Int?
        /// The D where the noiseless model-rich loss Σλ_i(1 − p_i)^D equals σ² (the floor starts to dominate).
        package var floorDominatesFrom: Double?
        /// The ridge with the lowest median test loss at the peak (0 if ridgeless wins), and that loss.
        package var optimalRidge: Double
        package var optimalRidgeMedianTest: Double
        /// The ridgeless median test loss at the peak N.
        package var ridgelessMedianTest: Double
        /// q90/q50 of the test loss ridgeless at the peak, and the smallest ridge where it is ≤ 2
        /// (the heavy tail removed; nil when no ridge in the scan achieves it).
        package var ridgelessTailRatio: Double
        package var tailRemovingRidge: Double?
    }

    package let alpha: Double
    package let beta: Double
    package let configuration: LabelNoiseExperiment.Configuration
    /// The N of the ridge scan (nearest grid N to E[K(D)]).
    package let peakFeatureCount: Int
    package let rows: [Row]
    package let levels: [NoiseLevel]
    /// Predicted α_D.
    package let predictedAlphaD: Double
    /// The law check: measured quantiles against OUR `LabelNoiseLossLaw` per (β, D), and the slopes in D.
    package let law: [LabelNoiseLawComparison]
    package let lawSlopes: [LabelNoiseLawSlope]

    /// Analyses the rows.
    package init(alpha: Double, beta: Double, configuration: LabelNoiseExperiment.Configuration, peakFeatureCount: Int, rows: [Row], parameters: DataParameters, law: [LabelNoiseLawComparison] = []) {
        self.law = law
        lawSlopes = Array(Set(law.map(\.beta))).sorted().compactMap { b in LabelNoiseLawSlope(points: law.filter { $0.beta == b }) }
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.peakFeatureCount = peakFeatureCount
        self.rows = rows
        let alphaD = beta > 1 ? (alpha + beta) / beta : alpha + beta
        predictedAlphaD = alphaD
        let threshold = parameters.expectedPeak(sampleCount: configuration.nSweepD)
        let nearThreshold = { (r: Row) in Double(r.n) >= threshold / 2 && Double(r.n) <= 2 * threshold }
        let noiselessN = rows.filter { $0.sweep == .n && $0.labelNoiseVariance == 0 }
        let noiselessPeak = noiselessN.filter(nearThreshold).max { $0.excess.median < $1.excess.median }
        var levels: [NoiseLevel] = []
        for variance in configuration.labelNoiseVariances {
            let nRows = rows.filter { $0.sweep == .n && $0.labelNoiseVariance == variance }.sorted { $0.n < $1.n }
            let dRows = rows.filter { $0.sweep == .d && $0.labelNoiseVariance == variance }.sorted { $0.d < $1.d }
            let rRows = rows.filter { $0.sweep == .ridge && $0.labelNoiseVariance == variance }.sorted { $0.ridge < $1.ridge }
            guard let peak = nRows.filter(nearThreshold).max(by: { $0.excess.median < $1.excess.median }) else { continue }
            let fit = NoiseFloorFit(x: dRows.map { Double($0.d) }, loss: dRows.map(\.test.median))
            let local = zip(dRows, dRows.dropFirst()).map { a, b in -log(b.excess.median / a.excess.median) / log(Double(b.d) / Double(a.d)) }
            let givesWay = zip(local, dRows.dropFirst()).first { $0.0 < 0.7 * alphaD }?.1.d
            var floorFrom: Double? = nil
            if variance > 0, parameters.modelRichLoss(sampleCount: 1) > variance {
                var lo = 1.0, hi = 1.0
                while parameters.modelRichLoss(sampleCount: hi) > variance, hi < 1e18 { hi *= 2 }
                for _ in 0..<60 {
                    let mid = (lo * hi).squareRoot()
                    if parameters.modelRichLoss(sampleCount: mid) > variance { lo = mid } else { hi = mid }
                }
                floorFrom = hi
            }
            var growth: Double? = nil, growthSE: Double? = nil
            if variance > 0, let reference = noiselessPeak, let losses = Self.losses(rows: nRows, n: peak.n),
               let referenceLosses = Self.losses(rows: noiselessN, n: reference.n) {
                growth = log(peak.excess.median / reference.excess.median)
                growthSE = Self.bootstrapLogRatioSE(losses, referenceLosses)
            }
            let atPeak = nRows.first { $0.n == peakFeatureCount }
            let ridgeless = atPeak?.test.median ?? .nan
            let ridgelessRatio = atPeak.map { $0.test.upper / $0.test.median } ?? .nan
            var bestRidge = 0.0, bestLoss = ridgeless
            for r in rRows where r.test.median < bestLoss || !bestLoss.isFinite {
                bestRidge = r.ridge
                bestLoss = r.test.median
            }
            let tailRidge = ridgelessRatio <= 2 ? 0 : rRows.first { $0.test.upper / $0.test.median <= 2 }?.ridge
            levels.append(NoiseLevel(
                labelNoiseVariance: variance, floorFit: fit, peakN: peak.n, peakMedian: peak.excess.median, peakLower: peak.excess.lower,
                peakUpper: peak.excess.upper, peakGrowthLog: growth, peakGrowthLogStandardError: growthSE,
                excessFit: try? PowerLawFit(x: dRows.map { Double($0.d) }, y: dRows.map(\.excess.median)), localExponents: local,
                exponentGivesWayAt: givesWay, floorDominatesFrom: floorFrom, optimalRidge: bestRidge, optimalRidgeMedianTest: bestLoss,
                ridgelessMedianTest: ridgeless, ridgelessTailRatio: ridgelessRatio, tailRemovingRidge: tailRidge))
        }
        self.levels = levels
    }

    /// The per-seed excess losses of the row at N = n.
    private static func losses(rows: [Row], n: Int) -> [Double]? { rows.first { $0.n == n }?.losses }

    /// Bootstrap SE of ln(median(a)/median(b)) over 400 resamples of each (deterministic).
    static func bootstrapLogRatioSE(_ a: [Double], _ b: [Double]) -> Double {
        var rng = RandomStream(seed: 16, purpose: .bootstrap, index: 0)
        var values: [Double] = []
        for _ in 0..<400 {
            let ra = (0..<a.count).map { _ in a[min(a.count - 1, Int(rng.uniform() * Double(a.count)))] }
            let rb = (0..<b.count).map { _ in b[min(b.count - 1, Int(rng.uniform() * Double(b.count)))] }
            values.append(log(LossDistribution(ra).median / LossDistribution(rb).median))
        }
        let m = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
    }

    /// The header of the law table (`label-noise-law.csv`): per model-rich point, the measured and predicted
    /// quantiles and the fraction of seeds below each predicted quantile.
    package static let lawCSVHeaders = [
        "beta", "noise_variance", "n", "d", "seeds", "measured_q10", "measured_q25", "measured_q50", "measured_q75", "measured_q90",
        "median_ci_lower", "median_ci_upper", "predicted_q10", "predicted_q25", "predicted_q50", "predicted_q75", "predicted_q90",
        "below_q10", "below_q25", "below_q50", "below_q75", "below_q90",
    ]

    package func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        for r in rows {
            table.append([
                .text(r.sweep.rawValue), .number(r.labelNoiseVariance), .integer(r.n), .integer(r.d), .number(r.ridge), .integer(r.excess.count),
                .number(r.excess.mean), .number(r.excess.median), .number(r.excess.lower), .number(r.excess.upper), .number(r.excess.maximum),
                .number(r.test.mean), .number(r.test.median), .number(r.test.lower), .number(r.test.upper), .number(r.meanObservedCoordinates),
                .integer(r.heavyTail.isHeavyTailed ? 1 : 0), .text(r.heavyTail.reasons.map(\.rawValue).joined(separator: "; ")),
            ])
        }
        var summary = CSVTable(headers: Self.summaryCSVHeaders)
        for l in levels {
            summary.append([
                .number(l.labelNoiseVariance), .optional(l.floorFit?.floor), .optional(l.floorFit?.powerLaw.exponent),
                .optional(l.floorFit?.powerLaw.exponentStandardError), .optional(l.excessFit?.exponent), .optional(l.excessFit?.exponentStandardError), .integer(l.peakN), .number(l.peakMedian), .number(l.peakLower), .number(l.peakUpper),
                .optional(l.peakGrowthLog), .optional(l.peakGrowthLogStandardError), l.exponentGivesWayAt.map { .integer($0) } ?? .empty,
                .optional(l.floorDominatesFrom), .number(l.optimalRidge), .number(l.optimalRidgeMedianTest), .number(l.ridgelessMedianTest),
                .number(l.ridgelessTailRatio), .optional(l.tailRemovingRidge),
            ])
        }
        var lawTable = CSVTable(headers: Self.lawCSVHeaders)
        for p in law {
            lawTable.append([.number(p.beta), .number(p.labelNoiseVariance), .integer(p.n), .integer(p.d), .integer(p.losses.count)]
                + p.measured.map { .number($0) } + [.optional(p.medianLower), .optional(p.medianUpper)]
                + p.predicted.map { .number($0) } + p.fractionBelow.map { .number($0) })
        }
        return ["\(Self.name).csv": table.render(), "\(Self.name)-summary.csv": summary.render(), "\(Self.name)-law.csv": lawTable.render()]
    }

    /// The sweeps' rows whose mean excess loss is not meaningful (`HeavyTailAssessment`).
    package var heavyTailRows: [Row] { rows.filter { $0.heavyTail.isHeavyTailed } }

    package func summaryText() -> String {
        let g = fourSignificantDigits
        var lines = ["label noise (α = \(alpha), β = \(beta); N-sweep at D = \(configuration.nSweepD), D-sweep with N = \(g(configuration.modelRichRatio))·D, \(configuration.seeds) seeds; exact reduced solver with z ~ N(0, I_r)):"]
        for l in levels {
            var line = "  σ² = \(g(l.labelNoiseVariance)): "
            if let f = l.floorFit {
                line += "test-loss floor \(g(f.floor)) (σ² = \(g(l.labelNoiseVariance))), D-exponent above it \(g(f.powerLaw.exponent)) ± \(g(f.powerLaw.exponentStandardError)) (α_D = \(g(predictedAlphaD))); "
            }
            if let e = l.excessFit { line += "median excess ∝ D^−\(g(e.exponent)) ± \(g(e.exponentStandardError)); " }
            line += "median peak excess \(g(l.peakMedian)) at N = \(l.peakN) [q10 \(g(l.peakLower)), q90 \(g(l.peakUpper))]"
            if let growth = l.peakGrowthLog { line += ", ×\(g(exp(growth))) the noiseless peak" }
            line += "; D-exponent of the excess gives way at D = \(l.exponentGivesWayAt.map(String.init) ?? "— (not in range)")"
            if let from = l.floorDominatesFrom { line += ", floor dominates from D ≈ \(g(from))" }
            line += "; at N = \(peakFeatureCount): ridgeless median test \(g(l.ridgelessMedianTest)) (q90/median \(g(l.ridgelessTailRatio))), optimal ridge \(g(l.optimalRidge)) → \(g(l.optimalRidgeMedianTest)), tail removed (q90/median ≤ 2) from λ_r = \(l.tailRemovingRidge.map { $0 == 0 ? "0 (ridgeless)" : g($0) + ($0 == configuration.ridges.min() ? " (the smallest ridge scanned)" : "") } ?? "— (not in scan)")"
            lines.append(line)
        }
        if !law.isEmpty {
            lines.append("  law check (OURS, docs/theory-label-noise.md; model-rich ridgeless: coordinates seen ≤ 4 times fitted jointly where they share samples, the others decoupled; finite N through the mean readout norm), excess loss q10/q25/q50/q75/q90 measured vs predicted, and the fraction of seeds below each predicted quantile:")
            for p in law {
                lines.append("    β = \(g(p.beta)), D = \(p.d), N = \(p.n): measured \(p.measured.map(g).joined(separator: "/")); predicted \(p.predicted.map(g).joined(separator: "/")); below \(p.fractionBelow.map { String(format: "%.2f", $0) }.joined(separator: "/")) (± \(String(format: "%.2f", p.fractionStandardError[2])) at q50)")
            }
            for s in lawSlopes {
                lines.append("    β = \(g(s.beta)): slope of the median in D measured \(g(s.measured)) [\(g(s.lower)), \(g(s.upper))], law \(g(s.predicted)) at the same D (asymptote 2/β − 1 = \(g(s.asymptotic)))")
            }
            lines.append("    not covered by the law (a row there may disagree): K close to N (it uses the mean of the readout norm over W, not its spread), rank cutoffs above ~1e-10, ridge, the underparameterized side")
        }
        let heavy = heavyTailRows.filter { $0.labelNoiseVariance > 0 }
        if !heavy.isEmpty {
            lines.append("  heavy-tailed: mean not meaningful (in the peak band, or coordinates observed once with small ξ get noise coefficients ∝ σ/ξ, E[1/χ²₁] = ∞) at: "
                + heavy.map { "\($0.sweep.rawValue) σ² = \(g($0.labelNoiseVariance)) N = \($0.n) D = \($0.d)\($0.ridge > 0 ? " λ_r = \(g($0.ridge))" : "") (\($0.heavyTail.reasons.map(\.rawValue).joined(separator: ", ")))" }.joined(separator: "; "))
        }
        let rows = verdictRows
        lines.append("  verdicts: \(ComparisonRow.countText(rows))")
        lines += rows.map { "    \($0.textLine)" }
        return lines.joined(separator: "\n")
    }
}

extension LabelNoiseResult {
    /// The verdict rows with their summary.json ids and group (the paper's future work), as this
    /// experiment's JSON (`verdicts`), its text and `reproduce` write them.
    package var verdictRows: [ComparisonRow] {
        comparisonRows.enumerated().map { i, row in row.identified("future.label_noise.\(i).\(ComparisonRow.identifier(String(row.quantity.prefix { $0 != ":" })))", group: .futureWork) }
    }

    /// The report's verdict rows, all by the pure CI rule (no tolerance): per σ² > 0 the peak grows; per
    /// law point the predicted median against the measured median's 95% CI; per β the slope in D.
    package var comparisonRows: [ComparisonRow] {
        var rows: [ComparisonRow] = []
        let g = fourSignificantDigits
        for l in levels where l.labelNoiseVariance > 0 {
            rows.append(ComparisonRow(
                positiveQuantity: "label noise σ² = \(g(l.labelNoiseVariance)): the peak grows, ln(median peak excess / noiseless) (bootstrap SE)",
                measured: l.peakGrowthLog, standardError: l.peakGrowthLogStandardError))
        }
        rows += law.map { $0.medianRow(alpha: alpha) }
        rows += lawSlopes.map { s in
            s.row(alpha: alpha, labelNoiseVariance: configuration.lawNoiseVariance ?? 0, dValues: law.filter { $0.beta == s.beta }.map(\.d).sorted())
        }
        return rows
    }
}
