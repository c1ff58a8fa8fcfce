import Foundation
import ScalingAnalysis

/// The paper's Fig. 2: loss over a grid of N for several D, in collapse coordinates
/// x = N/D^(1/β), y = L·D^(α_D), with the double-descent peak located for each D.
package enum CollapseExperiment {
    /// The D values, the x grid and the seeds.
    public struct Configuration: Sendable, Codable {
        /// Data sizes, one curve each.
        public var sampleCounts: [Int]
        /// Smallest and largest x = N/D^(1/β), and points per factor of 2 between them.
        public var xMin: Double
        public var xMax: Double
        public var pointsPerOctave: Int
        /// Seeds per point.
        public var seeds: Int

        /// The sizes of `profile`.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick: return Configuration(sampleCounts: [256, 1024, 4096, 16384], xMin: 0.25, xMax: 16, pointsPerOctave: 4, seeds: 6)
            case .paper: return Configuration(sampleCounts: [1024, 4096, 16384, 65536], xMin: 0.125, xMax: 32, pointsPerOctave: 6, seeds: 10)
            }
        }

        /// The N values of the curve at D = `d` (distinct, ≥ 1); throws a `ParameterError` naming β when
        /// the largest, xMax·D^(1/β), is over 10^15 (β ≪ 1), the bound on sizes everywhere.
        public func featureCounts(d: Int, beta: Double) throws -> [Int] {
            let scale = pow(Double(d), 1 / beta)
            guard xMax * scale <= 1e15 else {
                throw ParameterError.invalid(
                    parameter: .beta, value: "\(beta)",
                    allowed: "a β at which the collapse curves' largest N = \(xMax)·D^(1/β) stays ≤ 1e15 (here D = \(d))")
            }
            let steps = Int((log2(xMax / xMin) * Double(pointsPerOctave)).rounded())
            var ns: [Int] = []
            for s in 0...steps {
                let n = max(1, Int((xMin * pow(2, Double(s) / Double(pointsPerOctave)) * scale).rounded()))
                if ns.last != n { ns.append(n) }
            }
            return ns
        }
    }

    /// The curves' points at α, β, one batch per D, checked before any work.
    public static func plan(alpha: Double, beta: Double, configuration c: Configuration) throws -> [PlannedBatch] {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        // Refuse before any work: every curve's N grid, and the loss scale D^(α_D) within the Double range.
        let grids = try c.sampleCounts.map { try c.featureCounts(d: $0, beta: beta) }
        if let largest = c.sampleCounts.max(), !pow(Double(largest), parameters.exponents.alphaD).isFinite {
            throw ParameterError.invalid(
                parameter: .alpha, value: "\(alpha)",
                allowed: "α and β at which the collapse scale D^(α_D) stays below 1.8e308 (here D = \(largest), β = \(beta))")
        }
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        return zip(c.sampleCounts, grids).map { d, featureCounts in
            let base = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: d)
            let plan = SweepPlan(base: base, featureCounts: featureCounts, sampleCounts: [d], seeds: seeds)
            return PlannedBatch(label: "collapse D=\(d)", points: plan.points)
        }
    }

    /// Measures the curves at α, β through `runner`.
    public static func run(alpha: Double, beta: Double, configuration c: Configuration, runner: MeasurementRunner) throws -> CollapseResult {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        var curves: [CollapseCurve] = []
        for (d, batch) in zip(c.sampleCounts, try plan(alpha: alpha, beta: beta, configuration: c)) {
            let measured = try runner.measure(batch.points, seeds: seeds, label: batch.label)
            curves.append(CollapseCurve(sampleCount: d, points: measured, alpha: alpha, beta: beta, parameters: parameters))
        }
        return CollapseResult(alpha: alpha, beta: beta, configuration: c, curves: curves)
    }
}

/// One curve of the collapse: the loss against N at a fixed D, its median and 10/90% quantiles, the
/// predicted curve (docs/theory.md §6.3, `LossCurvePredictor`), and the peak located on the median.
public struct CollapseCurve: Sendable, Encodable {
    /// D.
    public let sampleCount: Int
    /// Points along N.
    public let points: [MeasuredPoint]
    /// x = N/D^(1/β) of each point.
    public let x: [Double]
    /// y = L·D^(α_D) of each point's mean loss, and its standard error (not meaningful where `heavyTailed`).
    public let y: [Double]
    public let yStandardError: [Double]
    /// y of each point's median loss and of its 10% and 90% quantiles over seeds.
    public let yMedian: [Double]
    public let yQuantile10: [Double]
    public let yQuantile90: [Double]
    /// Whether each point's mean is not meaningful (`HeavyTailAssessment`: peak band or one dominant seed).
    public let heavyTailed: [Bool]
    /// x at the double-descent peak: the grid point of the median's most prominent bump
    /// (`DoubleDescentPeak`; the largest median when there is no bump). Known to ± half a grid step.
    public let peakX: Double
    /// The index of that grid point in `points` (nil for an empty curve).
    public let peakIndex: Int?
    /// y of the median loss at that peak.
    public let peakMedianY: Double
    /// Mean observed-coordinate count K over the curve's points, divided by D^(1/β).
    public let observedX: Double
    /// The predicted point at each N (empty when the curve cannot be predicted, α ≤ −1).
    public let predicted: [PredictedLossPoint]
    /// The predicted peak x: the N of the largest predicted median over the peak band (integer N), over D^(1/β).
    public let predictedPeakX: Double?
    /// The predicted median at the measured peak's N, in y units (nil where no median is predicted there).
    public let predictedMedianYAtPeak: Double?

    /// The collapse coordinates of `points` at D = `sampleCount`; the prediction uses `parameters`
    /// (nil: none), evaluated at every N of the curve and on the integers of the peak band.
    public init(sampleCount: Int, points: [MeasuredPoint], alpha: Double, beta: Double, parameters: DataParameters? = nil) {
        self.sampleCount = sampleCount
        self.points = points
        let scale = pow(Double(sampleCount), 1 / beta)
        let alphaD = beta > 1 ? (alpha + beta) / beta : alpha + beta
        let lossScale = pow(Double(sampleCount), alphaD)
        x = points.map { Double($0.n) / scale }
        y = points.map { $0.lossMean * lossScale }
        yStandardError = points.map { $0.lossStandardError.map { $0 * lossScale } ?? 0 }
        let quantiles = points.map(\.lossQuantiles)
        yMedian = zip(points, quantiles).map { ($1?.median ?? $0.lossMean) * lossScale }
        yQuantile10 = zip(points, quantiles).map { ($1?.quantile10 ?? $0.lossMean) * lossScale }
        yQuantile90 = zip(points, quantiles).map { ($1?.quantile90 ?? $0.lossMean) * lossScale }
        heavyTailed = points.map(\.heavyTail.isHeavyTailed)
        // The double-descent peak is the most prominent bump of the median (`DoubleDescentPeak`; the mean
        // is infinite in the peak band). The left end of the grid can be higher (the underparameterized
        // loss ~ N^-(α+β) at small N), and so can a wiggle on its slope, but neither is a bump.
        let medians = yMedian
        let peak = DoubleDescentPeak.index(medians) ?? (points.indices.max { medians[$0] < medians[$1] } ?? 0)
        peakIndex = points.isEmpty ? nil : peak
        peakX = points.isEmpty ? .nan : x[peak]
        peakMedianY = points.isEmpty ? .nan : medians[peak]
        observedX = points.isEmpty ? .nan : points.map(\.meanObservedCoordinates).reduce(0, +) / Double(points.count) / scale
        guard let parameters, !points.isEmpty,
              let predictor = try? LossCurvePredictor(parameters: parameters, sampleCount: sampleCount) else {
            predicted = []
            predictedPeakX = nil
            predictedMedianYAtPeak = nil
            return
        }
        predicted = predictor.curve(featureCounts: points.map(\.n))
        predictedMedianYAtPeak = predicted[peak].median.map { $0 * lossScale }
        predictedPeakX = Self.predictedPeakFeatureCount(predictor).map { Double($0) / scale }
    }

    /// The integer N of the largest predicted median over the peak band (about 40 N values across it),
    /// or the N nearest E[K] when the band is empty.
    static func predictedPeakFeatureCount(_ predictor: LossCurvePredictor) -> Int? {
        let law = predictor.rankLaw
        let support = law.support
        let band = support.filter { predictor.region(featureCount: max(1, $0)) == .peakBand }
        guard let first = band.first, let last = band.last else {
            return max(1, Int(law.mean.rounded()))
        }
        let step = max(1, (last - first) / 40)
        var best: (n: Int, median: Double)?
        for n in stride(from: max(1, first), through: last, by: step) {
            guard let m = predictor.point(featureCount: n).median, m.isFinite else { continue }
            if best == nil || m > best!.median { best = (n, m) }
        }
        return best?.n
    }

    private enum CodingKeys: String, CodingKey {
        case sampleCount = "d", points, x, y, yStandardError = "y_se", yMedian = "y_median"
        case yQuantile10 = "y_q10", yQuantile90 = "y_q90", heavyTailed = "heavy_tailed", peakX = "peak_x", peakIndex = "peak_index"
        case peakMedianY = "peak_median_y", observedX = "observed_x", predicted, predictedPeakX = "predicted_peak_x"
        case predictedMedianYAtPeak = "predicted_median_y_at_peak"
    }
}

/// The collapse curves, the measured peak location (on the median) and its predictions.
package struct CollapseResult: ExperimentOutput {
    public static let name = "collapse"
    /// α and β.
    public let alpha: Double
    public let beta: Double
    /// Sizes used.
    public let configuration: CollapseExperiment.Configuration
    /// One curve per D.
    public let curves: [CollapseCurve]

    /// The measured peak x: the geometric mean over curves of each curve's median peak.
    public let peakX: Double
    /// The asymptotic peak x = Γ(1 − 1/β): the interpolation threshold N = K(D) in collapse units; nil for β ≤ 1,
    /// where K(D) has no D^(1/β) asymptote (Γ(0) is a pole: this once printed and stored NaN).
    public let predictedPeakX: Double?
    /// The finite-D predicted peak x: the geometric mean over curves of each curve's predicted median peak
    /// (nil without predictions).
    public let predictedMedianPeakX: Double?

    /// The result of the measured `curves`.
    public init(alpha: Double, beta: Double, configuration: CollapseExperiment.Configuration, curves: [CollapseCurve]) {
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.curves = curves
        let logs = curves.map { log($0.peakX) }.filter(\.isFinite)
        peakX = logs.isEmpty ? .nan : exp(logs.reduce(0, +) / Double(logs.count))
        predictedPeakX = beta > 1 ? tgamma(1 - 1 / beta) : nil
        let predictedLogs = curves.compactMap(\.predictedPeakX).map(log).filter(\.isFinite)
        predictedMedianPeakX = predictedLogs.isEmpty || predictedLogs.count < curves.count
            ? nil : exp(predictedLogs.reduce(0, +) / Double(predictedLogs.count))
    }

    /// The data tables behind the figures, by file name.
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        for curve in curves {
            for (i, p) in curve.points.enumerated() {
                let q = p.lossQuantiles
                let predicted = curve.predicted.isEmpty ? nil : curve.predicted[i]
                table.append([
                    .integer(curve.sampleCount), .integer(p.n), .number(curve.x[i]), .number(curve.y[i]), .number(curve.yStandardError[i]),
                    .number(curve.yMedian[i]), .number(curve.yQuantile10[i]), .number(curve.yQuantile90[i]),
                    .number(p.lossMean), .optional(p.lossStandardError), .optional(q?.median), .optional(q?.quantile10), .optional(q?.quantile90),
                    .integer(curve.heavyTailed[i] ? 1 : 0), .optional(predicted?.mean), .optional(predicted?.median),
                    predicted.map { .text($0.region.rawValue) } ?? .empty, .integer(p.seedCount), .number(p.meanObservedCoordinates),
                ])
            }
        }
        return ["\(Self.name).csv": table.render()]
    }

    /// Columns of collapse.csv: x = N/D^(1/β); y = L·D^(α_D) of the mean (y, y_se), of the median and of
    /// the 10/90% quantiles; the losses themselves; heavy_tailed = 1 where the mean is not meaningful;
    /// the predicted mean (empty in the peak band, where it is infinite) and median, and N's region.
    public static let csvHeaders = [
        "d", "n", "x", "y", "y_se", "y_median", "y_q10", "y_q90", "loss_mean", "loss_se", "loss_median", "loss_q10", "loss_q90",
        "heavy_tailed", "predicted_loss_mean", "predicted_loss_median", "predicted_region", "seeds", "k_mean",
    ]

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        var lines = ["scaling collapse (α = \(alpha), β = \(beta)): x = N/D^(1/β), y = L·D^(α_D); peaks located on the median over seeds"]
        for c in curves {
            let predicted = c.predictedPeakX.map { "; predicted \(fourSignificantDigits($0))" } ?? ""
            let flagged = c.heavyTailed.filter { $0 }.count
            lines.append("  D = \(c.sampleCount): median peak at x = \(fourSignificantDigits(c.peakX))\(predicted) (K/D^(1/β) = \(fourSignificantDigits(c.observedX))); "
                + "median peak height y = \(fourSignificantDigits(c.peakMedianY))"
                + (c.predictedMedianYAtPeak.map { ", predicted \(fourSignificantDigits($0))" } ?? "")
                + "; \(Typography.counted(flagged, "heavy-tailed point")): mean not meaningful")
        }
        lines.append("  measured median peak x = \(fourSignificantDigits(peakX)); predicted at these D \(predictedMedianPeakX.map(fourSignificantDigits) ?? "n/a"); asymptote Γ(1 − 1/β) = \(predictedPeakX.map(fourSignificantDigits) ?? "none (β ≤ 1)")")
        let rows = verdictRows
        lines.append("  verdicts: \(ComparisonRow.countText(rows))")
        lines += rows.map { "    \($0.textLine)" }
        return lines.joined(separator: "\n")
    }

    private enum CodingKeys: String, CodingKey {
        case alpha, beta, configuration, curves, peakX = "peak_x", predictedPeakX = "predicted_peak_x"
        case predictedMedianPeakX = "predicted_median_peak_x"
    }
}
