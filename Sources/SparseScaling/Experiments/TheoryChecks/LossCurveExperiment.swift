import Foundation
import ResultsStore
import ScalingAnalysis

/// docs/theory.md §6: the predicted loss curve (`LossCurvePredictor`) against the measured one over
/// N = 8…8192 at several (α, β, D): mean vs mean ± SE outside the peak band, median vs median in it.
package enum LossCurveExperiment {
    /// One (α, β, D) at which the curve is measured.
    public struct Setting: Sendable, Codable, Hashable {
        public var alpha: Double
        public var beta: Double
        public var sampleCount: Int

        /// A setting from its parts (`experiment curve --settings`).
        package init(alpha: Double, beta: Double, sampleCount: Int) {
            self.alpha = alpha
            self.beta = beta
            self.sampleCount = sampleCount
        }
    }

    /// The settings, the N grid and the seeds.
    public struct Configuration: Sendable, Codable, SeededConfiguration {
        public var settings: [Setting]
        public var featureCounts: [Int]
        public var seeds: Int
        /// The loss estimator of every point: `conditional` reports E[L | data] where N ≥ r + 2 (no W or
        /// w* noise; one draw below, per seed), `sample` one draw everywhere.
        public var estimator: LossEstimator = .conditional
        /// Seeds of the points predicted underparameterized, where each seed draws one embedding and
        /// teacher (the conditional mean does not apply): more than `seeds` to resolve their noisier mean.
        /// The largest N is measured with as many seeds, for each seed's T. Values ≤ `seeds` mean `seeds`.
        public var underparameterizedSeeds: Int = 0

        /// The sizes of `profile`: α < 0 and β = 3 among the settings of both.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick:
                return Configuration(
                    settings: [.init(alpha: 0, beta: 2, sampleCount: 1024), .init(alpha: -0.3, beta: 2.5, sampleCount: 2048),
                               .init(alpha: 0.3, beta: 3, sampleCount: 4096), .init(alpha: 0.5, beta: 2, sampleCount: 1024)],
                    featureCounts: (3...13).map { 1 << $0 }, seeds: 32, underparameterizedSeeds: 512)
            case .paper:
                return Configuration(
                    settings: [.init(alpha: 0, beta: 2, sampleCount: 4096), .init(alpha: -0.3, beta: 2.5, sampleCount: 8192),
                               .init(alpha: 0.3, beta: 3, sampleCount: 16384), .init(alpha: 0.5, beta: 2, sampleCount: 2048)],
                    featureCounts: (3...13).map { 1 << $0 }, seeds: 64, underparameterizedSeeds: 512)
            }
        }
    }

    /// One batch per setting: the N grid at that (α, β, D), as `run` measures it (for the memory check of the
    /// whole plan before any store exists). Throws `ParameterError` for a setting outside the model.
    package static func plan(configuration c: Configuration) throws -> [PlannedBatch] {
        try c.settings.map { setting in
            var base = PointSpecification(parameters: try DataParameters(alpha: setting.alpha, beta: setting.beta),
                                          featureCount: 1, sampleCount: setting.sampleCount)
            base.estimator = c.estimator
            let plan = SweepPlan(base: base, featureCounts: c.featureCounts, sampleCounts: [setting.sampleCount], seeds: [0])
            return PlannedBatch(label: "loss curve α = \(setting.alpha), β = \(setting.beta), D = \(setting.sampleCount)", points: plan.points)
        }
    }

    /// Measures every setting over the N grid through `runner` (sparse data, linear features, reduced
    /// solver, M = ∞) and predicts each point.
    public static func run(configuration c: Configuration, runner: MeasurementRunner) throws -> LossCurveResult {
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        let underSeeds = (0..<UInt64(max(c.seeds, c.underparameterizedSeeds))).map { $0 }
        var curves: [LossCurveResult.Curve] = []
        for (setting, batch) in zip(c.settings, try plan(configuration: c)) {
            let parameters = try DataParameters(alpha: setting.alpha, beta: setting.beta)
            let predictor = try LossCurvePredictor(parameters: parameters, sampleCount: setting.sampleCount)
            let label = batch.label
            var measured = try runner.measure(batch.points, seeds: seeds, label: label)
            let predicted = predictor.curve(featureCounts: measured.map(\.n))
            // Below the band: more seeds, and the largest N with them for each seed's T.
            let under = measured.indices.filter { predicted[$0].region == .underparameterized }
            var seedsOf = [[UInt64]](repeating: seeds, count: measured.count)
            var anchor: [StoredPoint] = []
            if underSeeds.count > seeds.count, !under.isEmpty, let largest = measured.indices.max(by: { measured[$0].n < measured[$1].n }) {
                let again = try runner.measure((under + [largest]).map { measured[$0].specification }, seeds: underSeeds,
                                               label: "\(label), \(underSeeds.count) seeds below the peak")
                for (i, m) in zip(under, again) { measured[i] = m; seedsOf[i] = underSeeds }
                anchor = try runner.store.points(for: measured[largest].specification.storeConfiguration)
            }
            // Per-seed rows: each seed's T (the same training set at every N) is a control variate with exact E[T].
            let rows = try measured.indices.map { i in
                let wanted = Set(seedsOf[i])
                return try runner.store.points(for: measured[i].specification.storeConfiguration).filter { wanted.contains($0.seed) }
            }
            let control = UnobservedMassControl(rows: rows.flatMap { $0 } + anchor, expectedMass: predictor.rankLaw.unobservedMass)
            let points = measured.indices.map { i in
                LossCurveResult.Point(measured: measured[i], predicted: predicted[i],
                                      controlled: controlledMean(rows: rows[i], control: control, predictor: predictor))
            }
            let band = predictor.peakBandRange
            curves.append(LossCurveResult.Curve(setting: setting, points: points, predictedBand: (band.lowerBound, band.upperBound)))
        }
        return LossCurveResult(configuration: c, curves: curves)
    }
}

extension LossCurveExperiment {
    /// The control-variate mean of one point's rows: T (each seed's unobserved mass) always; where a seed
    /// drew its loss with one teacher (N < r + 2, or the sample estimator), also the teacher energy at the
    /// det ridge κ of N, over the first 2E[K] + 64 coordinates. Nil when some seed's T is unknown.
    static func controlledMean(rows: [StoredPoint], control: UnobservedMassControl, predictor: LossCurvePredictor) -> ControlVariateMean? {
        guard let masses = control.masses(of: rows), let n = rows.first?.configuration.n else { return nil }
        var controls = [masses], means = [control.expectedMass]
        if rows.contains(where: { $0.result.extras["conditional_estimate"] != 1 }), let kappa = predictor.averagedRidge(featureCount: n) {
            let teacher = TeacherEnergyControl(parameters: predictor.parameters, sampleCount: predictor.sampleCount, ridge: kappa,
                                               coordinates: Int(2 * predictor.rankLaw.mean) + 64)
            controls.append(rows.map { teacher.value(seed: $0.seed) })
            means.append(0)
        }
        return try? ControlVariateMean(samples: rows.map(\.result.loss), controls: controls, controlMeans: means)
    }
}

/// The predicted and measured loss curves, the errors on each side of the peak and at the peak.
package struct LossCurveResult: ExperimentOutput {
    public static let name = "loss-curve"

    /// One N of one setting: measured mean ± SE, median, 10/90% quantiles; the prediction.
    public struct Point: Sendable, Codable {
        public let n: Int
        public let measuredMean: Double
        public let measuredStandardError: Double?
        public let measuredMedian: Double
        public let measuredQuantile10: Double
        public let measuredQuantile90: Double
        public let seeds: Int
        public let predicted: PredictedLossPoint
        /// The mean corrected by the control variate T (each seed's unobserved mass, E[T] exact) and its
        /// SE: the same expectation as `measuredMean` without most of the training sets' spread; nil when
        /// some seed's T is unknown (no conditional row of that seed).
        public var controlledMean: Double? = nil
        public var controlledStandardError: Double? = nil
        /// Why the seeds' losses make the mean meaningless (`HeavyTailAssessment.seedReasons`), empty if they do not.
        public var seedHeavyTailReasons: [HeavyTailAssessment.Reason] = []
        /// The order-statistic 95% interval of the median (distribution-free; nil below 6 seeds).
        public var measuredMedianLower: Double? = nil
        public var measuredMedianUpper: Double? = nil

        /// The point from its measurement and prediction, with the control-variate mean when known.
        public init(measured: MeasuredPoint, predicted: PredictedLossPoint, controlled: ControlVariateMean? = nil) {
            n = measured.n
            measuredMean = measured.lossMean
            measuredStandardError = measured.lossStandardError
            let sorted = measured.losses.sorted()
            let quantile = { (p: Double) in sorted.isEmpty ? .nan : SampleQuantiles.quantile(sorted, p) }
            measuredMedian = quantile(0.5)
            measuredQuantile10 = quantile(0.1)
            measuredQuantile90 = quantile(0.9)
            seeds = measured.seedCount
            self.predicted = predicted
            controlledMean = controlled?.mean
            controlledStandardError = controlled?.standardError
            seedHeavyTailReasons = HeavyTailAssessment.seedReasons(measured.losses)
            let interval = (try? SampleQuantiles(samples: measured.losses))?.medianInterval
            measuredMedianLower = interval?.lower
            measuredMedianUpper = interval?.upper
        }

        /// `point`'s measurement with another prediction.
        public init(copying point: Point, predicted: PredictedLossPoint) {
            n = point.n
            measuredMean = point.measuredMean
            measuredStandardError = point.measuredStandardError
            measuredMedian = point.measuredMedian
            measuredQuantile10 = point.measuredQuantile10
            measuredQuantile90 = point.measuredQuantile90
            seeds = point.seeds
            self.predicted = predicted
            controlledMean = point.controlledMean
            controlledStandardError = point.controlledStandardError
            seedHeavyTailReasons = point.seedHeavyTailReasons
            measuredMedianLower = point.measuredMedianLower
            measuredMedianUpper = point.measuredMedianUpper
        }

        /// The mean the verdicts use: the control-variate mean when known, else the plain mean.
        public var estimatedMean: Double { controlledMean ?? measuredMean }
        /// The SE of `estimatedMean`.
        public var estimatedStandardError: Double? { controlledStandardError ?? measuredStandardError }

        /// Whether the mean is not judged: the point is in the predicted peak band (E[L] = ∞), or its seeds'
        /// losses are heavy-tailed by `HeavyTailAssessment`'s rules (one seed dominates, mean above the 90% quantile).
        public var isHeavyTailed: Bool {
            predicted.region == .peakBand || !seedHeavyTailReasons.isEmpty
        }

        /// |predicted mean / estimated mean − 1| where the mean is judged; nil in the band or when heavy-tailed.
        public var relativeError: Double? {
            guard !isHeavyTailed, let mean = predicted.mean else { return nil }
            return abs(mean / estimatedMean - 1)
        }

        /// The SE of `relativeError` from the measurement's: (predicted/estimated)·(SE/estimated).
        public var relativeErrorStandardError: Double? {
            guard !isHeavyTailed, let mean = predicted.mean, let se = estimatedStandardError else { return nil }
            return abs(mean / estimatedMean) * se / abs(estimatedMean)
        }

        /// (predicted mean − estimated mean) / SE where the mean is judged.
        public var z: Double? {
            guard !isHeavyTailed, let mean = predicted.mean, let se = estimatedStandardError, se > 0 else { return nil }
            return (mean - estimatedMean) / se
        }

        /// 1.96 SE of the estimated mean over |estimated mean|, where the mean is judged.
        public var relativeHalfWidth: Double? {
            guard !isHeavyTailed, let se = estimatedStandardError, estimatedMean != 0 else { return nil }
            return 1.96 * se / abs(estimatedMean)
        }

        /// Whether the median's order-statistic interval holds the predicted median, and the indicative
        /// z = (predicted − measured median)/(half-width/1.96); nil without both.
        public var medianCheck: (covered: Bool, z: Double, relativeHalfWidth: Double)? {
            guard let m = predicted.median, let lo = measuredMedianLower, let hi = measuredMedianUpper, hi > lo, measuredMedian > 0 else { return nil }
            let half = (hi - lo) / 2
            return (lo <= m && m <= hi, (m - measuredMedian) / (half / 1.96), half / measuredMedian)
        }
    }

    /// Median and maximum relative error over the points of one side, with their noise: the median of
    /// the points' SEs of the error, and each point's error with its SE (for the max row's verdict).
    public struct SideError: Sendable, Codable {
        public let points: Int
        public let median: Double?
        public let maximum: Double?
        /// The median over the points of the SE of the relative error.
        public let medianStandardError: Double?
        /// Each judged point's relative error and its SE.
        public let errors: [ErrorWithStandardError]

        init(_ points: [Point]) {
            let pairs = points.compactMap { p in p.relativeError.flatMap { e in p.relativeErrorStandardError.map { (e, $0) } } }
            self.points = pairs.count
            let sorted = pairs.map(\.0).sorted()
            median = sorted.isEmpty ? nil : SampleQuantiles.quantile(sorted, 0.5)
            maximum = sorted.last
            let noise = pairs.map(\.1).sorted()
            medianStandardError = noise.isEmpty ? nil : SampleQuantiles.quantile(noise, 0.5)
            errors = pairs.map { ErrorWithStandardError(error: $0.0, standardError: $0.1) }
        }

    }

    /// A relative error and its standard error.
    public struct ErrorWithStandardError: Sendable, Codable {
        public let error: Double
        public let standardError: Double
    }

    /// One setting's curve.
    public struct Curve: Sendable, Codable {
        public let setting: LossCurveExperiment.Setting
        public let points: [Point]
        /// The first and last N of the predicted peak band (`LossCurvePredictor.peakBandRange`), grid or no
        /// grid: the band may fall between two grid points; nil when not known.
        public var predictedBandFirstN: Int? = nil
        public var predictedBandLastN: Int? = nil

        /// A curve from its setting, points and predicted band (first, last N).
        public init(setting: LossCurveExperiment.Setting, points: [Point], predictedBand: (first: Int, last: Int)? = nil) {
            self.setting = setting
            self.points = points
            predictedBandFirstN = predictedBand?.first
            predictedBandLastN = predictedBand?.last
        }

        /// Errors of the under- and overparameterized points, and of all of them.
        public var under: SideError { SideError(points.filter { $0.predicted.region == .underparameterized }) }
        public var over: SideError { SideError(points.filter { $0.predicted.region == .overparameterized }) }
        public var outsideBand: SideError { SideError(points) }

        /// ", N = 32 left out (one seed dominates)" when points outside the band are heavy-tailed, else "".
        var excludedNote: String {
            let left = points.filter { $0.predicted.region != .peakBand && $0.isHeavyTailed }
                .map { "N = \($0.n) (\($0.seedHeavyTailReasons.map(\.rawValue).joined(separator: ", ")))" }
            return left.isEmpty ? "" : ", left out as heavy-tailed: \(left.joined(separator: "; "))"
        }

        /// The band point with the largest measured median (the measured peak), if any point is in the band.
        public var peak: Point? {
            points.filter { $0.predicted.region == .peakBand }.max { $0.measuredMedian < $1.measuredMedian }
        }

        /// "(α, β, D)".
        public var label: String {
            "(\(fourSignificantDigits(setting.alpha)), \(fourSignificantDigits(setting.beta)), \(setting.sampleCount))"
        }
    }

    public let configuration: LossCurveExperiment.Configuration
    public let curves: [Curve]

    /// A result from its parts.
    public init(configuration: LossCurveExperiment.Configuration, curves: [Curve]) {
        self.configuration = configuration
        self.curves = curves
    }

    /// The verdict rule of the curve rows, as printed.
    public static let errorRule = "each point's mean is corrected by control variates with exact expectations (each seed's unobserved mass T, and where a seed drew one teacher its weighted teacher energy) and judged by z = (predicted − measured)/SE; a curve row disagrees when the exact coverage test (the fraction of points whose 95% CI holds the prediction against Binomial(n, 0.95), one-sided Clopper–Pearson) or the exact χ² over the points' z rejects, each at 2.5% (size ≤ 5%), agrees otherwise when the points' median 95% half-width is within the row's derived precision (half the distance to the competing prediction), and is inconclusive when it is not; medians above the peak use their order-statistic intervals, where the coverage test alone decides at 5%"

    /// Verdict rows per setting (`CurveCoverageTest`): the mean against the predicted mean on each side
    /// of the peak band, the median against the predicted median above the measured peak, and the
    /// predicted vs measured median at the measured peak (order-statistic CI). Each precision is derived
    /// (`Precision`, docs/theory.md §9) from the finite-size effect the row tests, computed by the
    /// predictor at the row's N: below the band the default (second-order) equivalent against the plain c = 0; above it the
    /// mean against its N → ∞ value E[T]; medians against the predicted mean; at the peak the median
    /// against the predicted 10%/90% quantiles.
    public var comparisonRows: [ComparisonRow] {
        var rows: [ComparisonRow] = []
        for curve in curves {
            let parameters = try? DataParameters(alpha: curve.setting.alpha, beta: curve.setting.beta)
            let predictor = parameters.flatMap { try? LossCurvePredictor(parameters: $0, sampleCount: curve.setting.sampleCount) }
            func reference(_ ns: [Int]) -> [PredictedLossPoint]? { predictor?.curve(featureCounts: ns) }
            let key = "ours.loss_curve.a\(fourSignificantDigits(curve.setting.alpha)).b\(fourSignificantDigits(curve.setting.beta)).d\(curve.setting.sampleCount)"
            for region in [CurveRegion.underparameterized, .overparameterized] {
                let judged = curve.points.filter { $0.predicted.region == region && $0.z != nil }
                guard !judged.isEmpty else { continue }
                let name = region == .underparameterized ? "under" : "over"
                let widths = judged.compactMap(\.relativeHalfWidth).sorted()
                let ns = judged.map(\.n)
                let means = reference(ns)?.map { $0.mean ?? .nan } ?? ns.map { _ in .nan }
                let competing = region == .underparameterized
                    ? (Self.plainEquivalentMeans(curve, at: ns), "the plain deterministic equivalent (c = 0, docs/theory.md §6.2)")
                    : (ns.map { _ in predictor?.rankLaw.unobservedMass ?? .nan }, "the N → ∞ loss E[T] (no finite-N inflation, docs/theory.md §6.3)")
                rows.append(ComparisonRow(
                    id: "\(key).mean_\(name)", group: .ours,
                    curve: "loss curve \(curve.label): mean vs predicted mean, \(name)parameterized side, N = \(judged.map { String($0.n) }.joined(separator: ", "))\(curve.excludedNote); per-point z",
                    test: CurveCoverageTest(zScores: judged.compactMap(\.z)),
                    medianRelativeHalfWidth: widths.isEmpty ? nil : SampleQuantiles.quantile(widths, 0.5),
                    precision: Precision.curve(predicted: means, alternative: competing.0, name: competing.1)))
            }
            let peakN = curve.peak?.n ?? curve.points.first { $0.predicted.region == .overparameterized }?.n ?? Int.max
            let above = curve.points.filter { $0.n > peakN && $0.medianCheck != nil }
            if !above.isEmpty {
                let checks = above.compactMap(\.medianCheck)
                let widths = checks.map(\.relativeHalfWidth).sorted()
                rows.append(ComparisonRow(
                    id: "\(key).median_above_peak", group: .ours,
                    curve: "loss curve \(curve.label): median vs predicted median above the measured peak, N = \(above.map { String($0.n) }.joined(separator: ", ")) (order-statistic CIs); per-point z (indicative)",
                    test: CurveCoverageTest(zScores: checks.map(\.z), coveredFlags: checks.map(\.covered)),
                    medianRelativeHalfWidth: SampleQuantiles.quantile(widths, 0.5),
                    precision: Self.medianPrecision(reference(above.map(\.n)))))
            }
            if let peak = curve.peak, let median = peak.predicted.median {
                let interval = peak.measuredMedianLower.flatMap { lo in peak.measuredMedianUpper.map { (lo, $0) } }
                let spread = [peak.predicted.quantile10.map { Precision.Alternative("the predicted 10% quantile", $0) },
                              peak.predicted.quantile90.map { Precision.Alternative("the predicted 90% quantile", $0) }].compactMap { $0 }
                rows.append(ComparisonRow(
                    id: "\(key).peak_median", group: .ours,
                    quantity: "loss curve \(curve.label): median loss at the measured peak N = \(peak.n) (10–90%: \(fourSignificantDigits(peak.measuredQuantile10))–\(fourSignificantDigits(peak.measuredQuantile90)))",
                    predicted: median, measured: peak.measuredMedian, standardError: nil, interval: interval,
                    method: interval == nil ? .none : .orderStatistics(seeds: peak.seeds),
                    precision: Precision.resolving(median, from: spread)))
            }
        }
        return rows
    }

    /// The predicted means of `curve` at `ns` by the plain deterministic equivalent, c = 0 (NaN where none).
    static func plainEquivalentMeans(_ curve: Curve, at ns: [Int]) -> [Double] {
        guard let parameters = try? DataParameters(alpha: curve.setting.alpha, beta: curve.setting.beta),
              let predictor = try? LossCurvePredictor(parameters: parameters, sampleCount: curve.setting.sampleCount,
                                                      options: CurvePredictionOptions(correction: .shift(0)))
        else { return ns.map { _ in .nan } }
        return predictor.curve(featureCounts: ns).map { $0.mean ?? .nan }
    }

    /// The precision of a medians row: half the median relative distance from the predicted median to the
    /// predicted mean at its points (the law's skew, which a median must resolve to test the law's shape).
    static func medianPrecision(_ points: [PredictedLossPoint]?) -> SourcedValue {
        Precision.curve(predicted: points?.map { $0.median ?? .nan } ?? [], alternative: points?.map { $0.mean ?? .nan } ?? [],
                        name: "the predicted mean (the law's skew)")
    }

    /// The verdict rows written into `loss-curve.json` and printed: `comparisonRows`.
    package var verdictRows: [ComparisonRow] { comparisonRows }

    static func percent(_ x: Double?) -> String { x.map { String(format: "%.1f%%", 100 * $0) } ?? "—" }

    /// The columns of `loss-curve.csv`.
    public static let csvHeaders = ["alpha", "beta", "d", "n", "region", "method", "seeds", "measured_mean", "measured_se",
                                    "measured_median", "measured_q10", "measured_q90", "controlled_mean", "controlled_se", "heavy_tailed", "predicted_mean",
                                    "predicted_median", "predicted_q10", "predicted_q90", "relative_error", "z"]

    /// The data tables behind the figures, by file name.
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        for curve in curves {
            for p in curve.points {
                table.append([.number(curve.setting.alpha), .number(curve.setting.beta), .integer(curve.setting.sampleCount), .integer(p.n),
                              .text(p.predicted.region.rawValue), .text(p.predicted.method.rawValue), .integer(p.seeds),
                              .number(p.measuredMean), .optional(p.measuredStandardError), .number(p.measuredMedian),
                              .number(p.measuredQuantile10), .number(p.measuredQuantile90), .optional(p.controlledMean),
                              .optional(p.controlledStandardError), .integer(p.isHeavyTailed ? 1 : 0), .optional(p.predicted.mean),
                              .optional(p.predicted.median), .optional(p.predicted.quantile10), .optional(p.predicted.quantile90),
                              .optional(p.relativeError), .optional(p.z)])
            }
        }
        return ["\(Self.name).csv": table.render()]
    }

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        let underSeeds = configuration.underparameterizedSeeds > configuration.seeds ? ", \(configuration.underparameterizedSeeds) below the peak" : ""
        var lines = ["loss curve, predicted (docs/theory.md §6.3) vs measured (\(configuration.seeds) seeds\(underSeeds); estimator \(configuration.estimator.rawValue)), N = \(configuration.featureCounts.first ?? 0)…\(configuration.featureCounts.last ?? 0):"]
        for curve in curves {
            let under = curve.under, over = curve.over
            var line = "  \(curve.label): outside the peak band median \(Self.percent(curve.outsideBand.median)), max \(Self.percent(curve.outsideBand.maximum)); "
                + "under \(Self.percent(under.median)) / \(Self.percent(under.maximum)) (\(Typography.counted(under.points, "point"))), "
                + "over \(Self.percent(over.median)) / \(Self.percent(over.maximum)) (\(Typography.counted(over.points, "point")))"
            if let peak = curve.peak {
                line += "; peak N = \(peak.n): median predicted \(peak.predicted.median.map(fourSignificantDigits) ?? "—"), measured \(fourSignificantDigits(peak.measuredMedian))"
            }
            lines.append(line)
        }
        let verdicts = verdictRows
        lines.append("  verdicts: \(ComparisonRow.countText(verdicts)) (each precision derived from the competing prediction it must tell apart; see the rows)")
        for row in verdicts {
            lines.append("    \(row.textLine)" + (row.pointZScores.map { "; z = [\($0.map { String(format: "%+.1f", $0) }.joined(separator: ", "))]" } ?? ""))
        }
        lines.append("  rule: \(Self.errorRule)")
        return lines.joined(separator: "\n")
    }
}
