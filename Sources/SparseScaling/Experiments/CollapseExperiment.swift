import Foundation
import ScalingAnalysis

/// The paper's Fig. 2: loss over a grid of N for several D, in collapse coordinates
/// x = N/D^(1/β), y = L·D^(α_D), with the double-descent peak located for each D.
public enum CollapseExperiment {
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
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: beta > 1 ? .infinite : .finite(1 << 20))
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
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        var curves: [CollapseCurve] = []
        for (d, batch) in zip(c.sampleCounts, try plan(alpha: alpha, beta: beta, configuration: c)) {
            let measured = try runner.measure(batch.points, seeds: seeds, label: batch.label)
            curves.append(CollapseCurve(sampleCount: d, points: measured, alpha: alpha, beta: beta))
        }
        return CollapseResult(alpha: alpha, beta: beta, configuration: c, curves: curves)
    }
}

/// One curve of the collapse: the loss against N at a fixed D, with its peak.
public struct CollapseCurve: Sendable, Encodable {
    /// D.
    public let sampleCount: Int
    /// Points along N.
    public let points: [MeasuredPoint]
    /// x = N/D^(1/β) of each point.
    public let x: [Double]
    /// y = L·D^(α_D) of each point, and its standard error.
    public let y: [Double]
    public let yStandardError: [Double]
    /// x at the double-descent peak (the largest interior local maximum of the mean loss).
    public let peakX: Double
    /// Mean observed-coordinate count K over the curve's points, divided by D^(1/β).
    public let observedX: Double

    /// The collapse coordinates of `points` at D = `sampleCount`.
    public init(sampleCount: Int, points: [MeasuredPoint], alpha: Double, beta: Double) {
        self.sampleCount = sampleCount
        self.points = points
        let scale = pow(Double(sampleCount), 1 / beta)
        let alphaD = beta > 1 ? (alpha + beta) / beta : alpha + beta
        let lossScale = pow(Double(sampleCount), alphaD)
        x = points.map { Double($0.n) / scale }
        y = points.map { $0.lossMean * lossScale }
        yStandardError = points.map { $0.lossStandardError * lossScale }
        // The double-descent peak is the largest interior local maximum; the left end of the grid can
        // be as high (the underparameterized loss ~ N^-(α+β) at small N) but is no peak.
        let losses = points.map(\.lossMean)
        let interior = points.indices.dropFirst().dropLast().filter { losses[$0] > losses[$0 - 1] && losses[$0] > losses[$0 + 1] }
        let peak = interior.max { losses[$0] < losses[$1] } ?? (points.indices.max { losses[$0] < losses[$1] } ?? 0)
        peakX = points.isEmpty ? .nan : x[peak]
        observedX = points.isEmpty ? .nan : points.map(\.meanObservedCoordinates).reduce(0, +) / Double(points.count) / scale
    }
}

/// The collapse curves, the measured peak location and its prediction.
public struct CollapseResult: ExperimentOutput {
    public static let name = "collapse"
    /// α and β.
    public let alpha: Double
    public let beta: Double
    /// Sizes used.
    public let configuration: CollapseExperiment.Configuration
    /// One curve per D.
    public let curves: [CollapseCurve]

    /// The measured peak x: the geometric mean over curves of each curve's peak.
    public let peakX: Double
    /// The predicted peak x = Γ(1 − 1/β) (β > 1): the interpolation threshold N = K(D) in collapse units.
    public let predictedPeakX: Double

    /// The result of the measured `curves`.
    public init(alpha: Double, beta: Double, configuration: CollapseExperiment.Configuration, curves: [CollapseCurve]) {
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.curves = curves
        let logs = curves.map { log($0.peakX) }.filter(\.isFinite)
        peakX = logs.isEmpty ? .nan : exp(logs.reduce(0, +) / Double(logs.count))
        predictedPeakX = beta > 1 ? tgamma(1 - 1 / beta) : .nan
    }

    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: ["d", "n", "x", "y", "y_se", "loss_mean", "loss_se", "seeds", "k_mean"])
        for curve in curves {
            for (i, p) in curve.points.enumerated() {
                table.append([
                    .integer(curve.sampleCount), .integer(p.n), .number(curve.x[i]), .number(curve.y[i]), .number(curve.yStandardError[i]),
                    .number(p.lossMean), .number(p.lossStandardError), .integer(p.seedCount), .number(p.meanObservedCoordinates),
                ])
            }
        }
        return ["\(Self.name).csv": table.render()]
    }

    public func summaryText() -> String {
        var lines = ["scaling collapse (α = \(alpha), β = \(beta)): x = N/D^(1/β), y = L·D^(α_D)"]
        for c in curves { lines.append("  D = \(c.sampleCount): peak at x = \(fourSignificantDigits(c.peakX)) (K/D^(1/β) = \(fourSignificantDigits(c.observedX)))") }
        lines.append("  measured peak x = \(fourSignificantDigits(peakX)); predicted Γ(1 − 1/β) = \(fourSignificantDigits(predictedPeakX))")
        return lines.joined(separator: "\n")
    }

    private enum CodingKeys: String, CodingKey {
        case alpha, beta, configuration, curves, peakX = "peak_x", predictedPeakX = "predicted_peak_x"
    }
}
