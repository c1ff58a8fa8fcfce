import Foundation
import ScalingAnalysis

/// Theorem 3.3: the loss of heavily overparameterized models (N = C·D, C large) against the exact
/// Σ_i λ_i (1 − p_i)^D and its asymptote (1/β)·Γ((α+β)/β)·D^(−(α+β)/β).
package enum ModelRichLossExperiment {
    /// The D values, N/D and the seeds.
    public struct Configuration: Sendable, Codable {
        public var sampleCounts: [Int]
        public var modelRichRatio: Double
        public var seeds: Int

        /// The sizes of `profile`.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick: return Configuration(sampleCounts: (6...12).map { 1 << $0 }, modelRichRatio: 16, seeds: 8)
            case .paper: return Configuration(sampleCounts: (6...15).map { 1 << $0 }, modelRichRatio: 16, seeds: 16)
            }
        }
    }

    /// The smallest model-rich loss, relative to the total variance Σ λ_i, that the experiment measures.
    public static let measurableFraction = 1e-20

    /// Measures the model-rich loss at every D through `runner`; throws a `ParameterError` naming α
    /// when the loss at the largest D is below `measurableFraction`·Σ λ_i.
    public static func run(alpha: Double, beta: Double, configuration c: Configuration, runner: MeasurementRunner) throws -> ModelRichLossResult {
        let batch = try plan(alpha: alpha, beta: beta, configuration: c)[0]
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        let measured = try runner.measure(batch.points, seeds: seeds, label: batch.label)
        return ModelRichLossResult(alpha: alpha, beta: beta, configuration: c, points: measured, parameters: parameters)
    }

    /// The model-rich D-sweep's points at α, β (one batch), checked before any work.
    public static func plan(alpha: Double, beta: Double, configuration c: Configuration) throws -> [PlannedBatch] {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        // The measured loss has a rounding floor (about 1e-31·λ_1 from fitting coordinate 1); far below
        // it, measured/exact is rounding over the exact value and would be printed as ~1e280 or inf.
        if let largest = c.sampleCounts.max(),
           parameters.modelRichLoss(sampleCount: Double(largest)) < measurableFraction * parameters.totalVariance {
            throw ParameterError.invalid(
                parameter: .alpha, value: "\(alpha)",
                allowed: "α and β at which the model-rich loss at D = \(largest) is at least \(measurableFraction) "
                    + "of Σ λ_i, what a double-precision fit can measure (here β = \(beta))")
        }
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        let base = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: 1)
        let plan = SweepPlan(base: base, featureCounts: [], sampleCounts: c.sampleCounts, featuresPerSample: c.modelRichRatio, seeds: seeds)
        return [PlannedBatch(label: "model-rich loss", points: plan.points)]
    }
}

/// The model-rich losses against the exact sum and the asymptote.
package struct ModelRichLossResult: ExperimentOutput {
    public static let name = "model-rich-loss"
    /// The columns of `model-rich-loss.csv`.
    public static let csvHeaders = ["d", "n", "loss_mean", "loss_se", "loss_median", "loss_q10", "loss_q90", "heavy_tailed", "seeds", "loss_exact",
                                    "loss_asymptotic", "ratio_measured_exact"]
    public let alpha: Double
    public let beta: Double
    public let configuration: ModelRichLossExperiment.Configuration
    public let points: [MeasuredPoint]
    /// Σ_i λ_i (1 − p_i)^D at each D.
    public let exact: [Double]
    /// The asymptote at each D (nil for β ≤ 1, or beyond the Double range).
    public let asymptotic: [Double?]

    /// Evaluates the theory at every measured D.
    public init(alpha: Double, beta: Double, configuration: ModelRichLossExperiment.Configuration, points: [MeasuredPoint], parameters: DataParameters) {
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.points = points
        exact = points.map { parameters.modelRichLoss(sampleCount: Double($0.d)) }
        asymptotic = points.map { parameters.modelRichLossAsymptote(sampleCount: Double($0.d)).flatMap { $0.isFinite ? $0 : nil } }
    }

    /// Measured/exact at each D (→ 1 as N/D grows; above 1 by the random-projection factor).
    public var ratios: [Double] { zip(points, exact).map { $0.lossMean / $1 } }

    /// The competing prediction of the ratio row (measured/exact = 1): the asymptotic power law in place
    /// of the exact sum, as its mean ratio asymptote/exact over the D where both are finite (NaN: none).
    public var asymptoticAlternative: Precision.Alternative {
        let r = zip(asymptotic, exact).compactMap { a, e in a.map { $0 / e } }.filter(\.isFinite)
        return Precision.Alternative("the asymptotic power law in place of the exact sum (asymptote/exact, mean over D)",
                                     r.isEmpty ? .nan : r.reduce(0, +) / Double(r.count))
    }

    /// The data tables behind the figures, by file name.
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        for (i, p) in points.enumerated() {
            let q = p.lossQuantiles
            table.append([.integer(p.d), .integer(p.n), .number(p.lossMean), .optional(p.lossStandardError), .optional(q?.median), .optional(q?.quantile10),
                          .optional(q?.quantile90), .integer(p.heavyTail.isHeavyTailed ? 1 : 0), .integer(p.seedCount), .number(exact[i]), .optional(asymptotic[i]), .number(ratios[i])])
        }
        return ["\(Self.name).csv": table.render()]
    }

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        var lines = ["model-rich loss (α = \(alpha), β = \(beta), N = \(fourSignificantDigits(configuration.modelRichRatio))·D):"]
        for (i, p) in points.enumerated() {
            lines.append("  D = \(p.d): measured \(UncertainValueFormat.string(p.lossMean, standardError: p.lossStandardError)), exact \(fourSignificantDigits(exact[i])), asymptote \(asymptotic[i].map(fourSignificantDigits) ?? "—"), measured/exact = \(fourSignificantDigits(ratios[i]))")
        }
        return lines.joined(separator: "\n")
    }
}
