import Foundation
import ScalingAnalysis

/// The paper's Fig. 3: loss against compute C = N·D·min(N, D) for fixed-N curves sweeping D, the
/// lower envelope (compute-optimal frontier) and its fitted exponent against −(α+β)/(β+2).
public enum FrontierExperiment {
    /// The N values (one curve each), the D values and the seeds.
    public struct Configuration: Sendable, Codable {
        public var featureCounts: [Int]
        public var sampleCounts: [Int]
        public var seeds: Int

        /// The sizes of `profile`.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick: return Configuration(featureCounts: [8, 16, 32, 64, 128], sampleCounts: (4...16).map { 1 << $0 }, seeds: 4)
            case .paper: return Configuration(featureCounts: [8, 16, 32, 64, 128, 256, 512], sampleCounts: (4...19).map { 1 << $0 }, seeds: 8)
            }
        }
    }

    /// Measures the fixed-N curves at α, β through `runner`.
    public static func run(alpha: Double, beta: Double, configuration c: Configuration, runner: MeasurementRunner) throws -> FrontierResult {
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: beta > 1 ? .infinite : .finite(1 << 20))
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        var curves: [[MeasuredPoint]] = []
        for n in c.featureCounts {
            let base = PointSpecification(parameters: parameters, featureCount: n, sampleCount: 1)
            let plan = SweepPlan(base: base, featureCounts: [n], sampleCounts: c.sampleCounts, seeds: seeds)
            curves.append(try runner.measure(plan.points, seeds: seeds, label: "frontier N=\(n)"))
        }
        return FrontierResult(alpha: alpha, beta: beta, configuration: c, curves: curves)
    }

    /// The direct-solve compute proxy C = N·D·min(N, D).
    public static func compute(n: Int, d: Int) -> Double { Double(n) * Double(d) * Double(min(n, d)) }
}

/// The fixed-N curves, their lower envelope and the frontier fit.
public struct FrontierResult: ExperimentOutput {
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
    /// The fitted a and its standard error (nil without a fit).
    public let lossExponent: Double?
    public let lossExponentStandardError: Double?

    /// Builds the envelope and fits it.
    public init(alpha: Double, beta: Double, configuration: FrontierExperiment.Configuration, curves: [[MeasuredPoint]]) {
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.curves = curves
        let all = curves.flatMap { $0 }.sorted { FrontierExperiment.compute(n: $0.n, d: $0.d) < FrontierExperiment.compute(n: $1.n, d: $1.d) }
        var best = Double.infinity
        var envelope: [MeasuredPoint] = []
        for p in all where p.lossMean < best {
            best = p.lossMean
            envelope.append(p)
        }
        self.envelope = envelope
        let points = envelope.map { ScalingPoint(x: FrontierExperiment.compute(n: $0.n, d: $0.d), y: $0.lossMean, standardError: $0.lossStandardError) }
        // The envelope's first points sit in the small-compute transient; fit its upper two thirds.
        fit = try? PowerLawFit(points: points, tail: max(3, points.count * 2 / 3))
        predictedLossExponent = (alpha + beta) / (beta + 2)
        lossExponent = fit?.exponent
        lossExponentStandardError = fit?.exponentStandardError
    }

    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: ["n", "d", "compute", "loss_mean", "loss_se", "seeds", "on_envelope"])
        let onEnvelope = Set(envelope.map { "\($0.n)x\($0.d)" })
        for curve in curves {
            for p in curve {
                table.append([
                    .integer(p.n), .integer(p.d), .number(FrontierExperiment.compute(n: p.n, d: p.d)), .number(p.lossMean),
                    .number(p.lossStandardError), .integer(p.seedCount), .integer(onEnvelope.contains("\(p.n)x\(p.d)") ? 1 : 0),
                ])
            }
        }
        return ["\(Self.name).csv": table.render()]
    }

    public func summaryText() -> String {
        let measured = fit.map { "\(fmt($0.exponent)) ± \(fmt($0.exponentStandardError)) over \($0.pointCount) envelope points" } ?? "no fit"
        return "compute frontier (α = \(alpha), β = \(beta)): L ∝ C^(−a), a = \(measured); predicted (α+β)/(β+2) = \(fmt(predictedLossExponent))"
    }

    private enum CodingKeys: String, CodingKey {
        case alpha, beta, configuration, curves, envelope, fit
        case lossExponent = "loss_exponent", lossExponentStandardError = "loss_exponent_se", predictedLossExponent = "predicted_loss_exponent"
    }
}
