import Foundation
import ScalingAnalysis

/// The paper's Fig. 3: loss against compute C = N·D·min(N, D) for fixed-N curves sweeping D, the
/// lower envelope (compute-optimal frontier) and its fitted exponent against −(α+β)/(β+2).
package enum FrontierExperiment {
    /// The N values (one curve each), the D values and the seeds.
    public struct Configuration: Sendable, Codable {
        public var featureCounts: [Int]
        public var sampleCounts: [Int]
        public var seeds: Int

        /// The sizes of `profile`.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            // The envelope picks the lowest of noisy means, which biases its exponent low when seeds are few
            // (quick sizes: 0.42 with 4 seeds, 0.44 with 8, 0.47 with 16, 0.48 with 32 and 64; predicted 0.5).
            case .quick: return Configuration(featureCounts: [8, 16, 32, 64, 128], sampleCounts: (4...16).map { 1 << $0 }, seeds: 32)
            case .paper: return Configuration(featureCounts: [8, 16, 32, 64, 128, 256, 512], sampleCounts: (4...19).map { 1 << $0 }, seeds: 8)
            }
        }
    }

    /// The fixed-N curves' points at α, β, one batch per N.
    public static func plan(alpha: Double, beta: Double, configuration c: Configuration) throws -> [PlannedBatch] {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        return c.featureCounts.map { n in
            let base = PointSpecification(parameters: parameters, featureCount: n, sampleCount: 1)
            let plan = SweepPlan(base: base, featureCounts: [n], sampleCounts: c.sampleCounts, seeds: seeds)
            return PlannedBatch(label: "frontier N=\(n)", points: plan.points)
        }
    }

    /// Measures the fixed-N curves at α, β through `runner`.
    public static func run(alpha: Double, beta: Double, configuration c: Configuration, runner: MeasurementRunner) throws -> FrontierResult {
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        var curves: [[MeasuredPoint]] = []
        for batch in try plan(alpha: alpha, beta: beta, configuration: c) {
            curves.append(try runner.measure(batch.points, seeds: seeds, label: batch.label))
        }
        return FrontierResult(alpha: alpha, beta: beta, configuration: c, curves: curves)
    }

    /// The direct-solve compute proxy C = N·D·min(N, D).
    public static func compute(n: Int, d: Int) -> Double { Double(n) * Double(d) * Double(min(n, d)) }
}

/// The fixed-N curves, their lower envelope and the frontier fit.
package struct FrontierResult: ExperimentOutput {
    public static let name = "frontier"
    public let alpha: Double
    public let beta: Double
    public let configuration: FrontierExperiment.Configuration
    /// One curve per N, points along D.
    public let curves: [[MeasuredPoint]]
    /// The envelope: points with a lower mean loss than every point of smaller compute.
    public let envelope: [MeasuredPoint]
    /// Fit of L ∝ C^(−a) on the envelope (a > 0).
    public let fit: PowerLawFit?
    /// Predicted a = (α+β)/(β+2).
    public let predictedLossExponent: Double
    /// The fitted a and its standard error (nil without a fit): the larger of the fit's SE and the
    /// seed bootstrap's.
    public let lossExponent: Double?
    public let lossExponentStandardError: Double?
    /// SE of a from a bootstrap over seeds (seeds resampled jointly at every point, envelope rebuilt and
    /// refitted): it includes the seed-to-seed spread and the envelope's selection of noisy minima, which
    /// the fit's SE (independent points) leaves out. Nil with fewer than two seeds.
    public let seedBootstrapStandardError: Double?
    /// Resamples of the seed bootstrap.
    public static let bootstrapResamples = 400

    /// Builds the envelope and fits it.
    public init(alpha: Double, beta: Double, configuration: FrontierExperiment.Configuration, curves: [[MeasuredPoint]]) {
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.curves = curves
        (envelope, fit) = Self.envelopeAndFit(curves.flatMap { $0 })
        predictedLossExponent = (alpha + beta) / (beta + 2)
        lossExponent = fit?.exponent
        let bootstrap = Self.seedBootstrap(curves.flatMap { $0 })
        seedBootstrapStandardError = bootstrap
        lossExponentStandardError = fit.map { max($0.exponentStandardError, bootstrap ?? 0) }
        predictedFit = FiniteSizePrediction.predictedPoints(curves.flatMap { $0 }, droppingMissing: true).flatMap { Self.envelopeAndFit($0).1 }
    }

    /// The same envelope and fit applied to the predicted mean loss at every measured (N, D)
    /// (`FiniteSizePrediction`): the frontier exponent the finite-size theory predicts for this grid.
    public let predictedFit: PowerLawFit?

    /// The lower envelope of `points` (each point below every point of smaller compute; points in the
    /// predicted peak band, whose mean is infinite, never enter) and its power-law fit.
    static func envelopeAndFit(_ points: [MeasuredPoint]) -> ([MeasuredPoint], PowerLawFit?) {
        let all = points.sorted { FrontierExperiment.compute(n: $0.n, d: $0.d) < FrontierExperiment.compute(n: $1.n, d: $1.d) }
        var best = Double.infinity
        var envelope: [MeasuredPoint] = []
        for p in all where p.lossMean < best && !p.heavyTail.reasons.contains(.peakBand) {
            best = p.lossMean
            envelope.append(p)
        }
        let scaling = envelope.map { ScalingPoint(x: FrontierExperiment.compute(n: $0.n, d: $0.d), y: $0.lossMean, standardError: $0.lossStandardError) }
        // The envelope's first points sit in the small-compute transient; fit its upper two thirds.
        return (envelope, try? PowerLawFit(points: scaling, tail: max(3, scaling.count * 2 / 3)))
    }

    /// The standard deviation of the fitted exponent over `bootstrapResamples` resamples of the seeds.
    static func seedBootstrap(_ points: [MeasuredPoint]) -> Double? {
        let seeds = points.map(\.seedCount).min() ?? 0
        guard seeds > 1 else { return nil }
        var stream = RandomStream(seed: 0, purpose: .bootstrap, index: 0)
        var exponents: [Double] = []
        for _ in 0..<bootstrapResamples {
            let draw = (0..<seeds).map { _ in min(seeds - 1, Int(stream.uniform() * Double(seeds))) }
            let resampled = points.map { p in
                MeasuredPoint(specification: p.specification, losses: draw.map { p.losses[$0] },
                              meanObservedCoordinates: p.meanObservedCoordinates, meanSeconds: p.meanSeconds)
            }
            if let fit = envelopeAndFit(resampled).1, fit.exponent.isFinite { exponents.append(fit.exponent) }
        }
        guard exponents.count > 1 else { return nil }
        let mean = exponents.reduce(0, +) / Double(exponents.count)
        return (exponents.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(exponents.count - 1)).squareRoot()
    }

    /// exponent ± t·SE with the fit's t-quantile and the combined SE (nil without a fit).
    public var lossExponentInterval: (lower: Double, upper: Double)? {
        guard let fit, let se = lossExponentStandardError, fit.exponentStandardError > 0 else {
            return fit.map { ($0.exponentInterval.lower, $0.exponentInterval.upper) }
        }
        let t = (fit.exponentInterval.upper - fit.exponent) / fit.exponentStandardError
        return (fit.exponent - t * se, fit.exponent + t * se)
    }

    /// The envelope points the fit uses: the last `fit.pointCount` by compute (the envelope's upper two thirds,
    /// at least 3); empty without a fit.
    public var fittedEnvelope: [MeasuredPoint] {
        fit.map { Array(envelope.suffix($0.pointCount)) } ?? []
    }

    /// The columns of `frontier.csv`.
    public static let csvHeaders = ["n", "d", "compute", "loss_mean", "loss_se", "loss_median", "loss_q10", "loss_q90", "heavy_tailed", "seeds",
                                    "lower_envelope", "on_envelope"]

    /// The data tables behind the figures, by file name: `on_envelope` marks exactly the rows the fit uses,
    /// `lower_envelope` the whole envelope (its small-compute transient included).
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        let key = { (p: MeasuredPoint) in "\(p.n)x\(p.d)" }
        let lower = Set(envelope.map(key)), fitted = Set(fittedEnvelope.map(key))
        for curve in curves {
            for p in curve {
                let q = p.lossQuantiles
                table.append([
                    .integer(p.n), .integer(p.d), .number(FrontierExperiment.compute(n: p.n, d: p.d)), .number(p.lossMean),
                    .optional(p.lossStandardError), .optional(q?.median), .optional(q?.quantile10), .optional(q?.quantile90),
                    .integer(p.heavyTail.isHeavyTailed ? 1 : 0), .integer(p.seedCount),
                    .integer(lower.contains(key(p)) ? 1 : 0), .integer(fitted.contains(key(p)) ? 1 : 0),
                ])
            }
        }
        return ["\(Self.name).csv": table.render()]
    }

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        let bootstrap = seedBootstrapStandardError.map { " (seed bootstrap SE \(fourSignificantDigits($0)))" } ?? ""
        let measured = fit.map { "\(UncertainValueFormat.string($0.exponent, standardError: $0.exponentStandardError))\(bootstrap) over \($0.pointCount) envelope points" } ?? "no fit"
        return "compute frontier (α = \(alpha), β = \(beta)): L ∝ C^(−a), a = \(measured); predicted (α+β)/(β+2) = \(fourSignificantDigits(predictedLossExponent))"
    }

    private enum CodingKeys: String, CodingKey {
        case alpha, beta, configuration, curves, envelope, fit
        case lossExponent = "loss_exponent", lossExponentStandardError = "loss_exponent_se", predictedLossExponent = "predicted_loss_exponent"
        case predictedFit = "predicted_fit"
        case seedBootstrapStandardError = "loss_exponent_seed_bootstrap_se"
    }
}
