import Foundation
import ScalingAnalysis

/// The paper's Fig. 5: four sweeps with linear random features — sparse N, sparse D, dense N,
/// dense D. Three share one exponent (≈ α_N = α + β); the sparse D-sweep has its own (≈ α_D).
package enum LinearSweepsExperiment {
    /// Sizes and seeds of the four sweeps.
    public struct Configuration: Sendable, Codable {
        /// Seeds per point.
        public var seeds: Int
        /// Fit tail (last points).
        public var fitTail: Int
        /// Sparse N-sweep: the N values at D = `sparseNSweepD`.
        public var sparseNSweepN: [Int]
        public var sparseNSweepD: Int
        /// Sparse D-sweep: the D values with N = `modelRichRatio`·D.
        public var sparseDSweepD: [Int]
        /// Dense N-sweep: the N values at D = `denseNSweepD`, M = `denseNSweepM`.
        public var denseNSweepN: [Int]
        public var denseNSweepD: Int
        public var denseNSweepM: Int
        /// Dense D-sweep: the D values with N = `modelRichRatio`·D, M = `denseDSweepM`.
        public var denseDSweepD: [Int]
        public var denseDSweepM: Int
        /// N/D in model-rich D-sweeps.
        public var modelRichRatio: Double

        /// The sizes of `profile`.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick:
                return Configuration(
                    seeds: 6, fitTail: 5, sparseNSweepN: [4, 8, 16, 32, 64, 128, 256], sparseNSweepD: 1_000_000,
                    sparseDSweepD: (6...14).map { 1 << $0 }, denseNSweepN: [4, 8, 16, 32, 64, 128], denseNSweepD: 4096,
                    denseNSweepM: 1024, denseDSweepD: (4...9).map { 1 << $0 }, denseDSweepM: 8192, modelRichRatio: 4)
            case .paper:
                return Configuration(
                    seeds: 8, fitTail: 6, sparseNSweepN: [4, 8, 16, 32, 64, 128, 256, 512], sparseNSweepD: 4_000_000,
                    sparseDSweepD: (6...16).map { 1 << $0 }, denseNSweepN: [4, 8, 16, 32, 64, 128, 256], denseNSweepD: 16384,
                    denseNSweepM: 2048, denseDSweepD: (4...10).map { 1 << $0 }, denseDSweepM: 16384, modelRichRatio: 4)
            }
        }
    }

    /// The four sweeps' points at α, β, one batch per sweep (labelled by its name).
    public static func plan(alpha: Double, beta: Double, configuration c: Configuration) throws -> [PlannedBatch] {
        try sweeps(alpha: alpha, beta: beta, configuration: c).map { PlannedBatch(label: $0.0, points: $0.2) }
    }

    /// The four sweeps: name, swept variable and points.
    static func sweeps(alpha: Double, beta: Double, configuration c: Configuration) throws -> [(String, SweptVariable, [PointSpecification])] {
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        let sparse = try DataParameters.experiment(alpha: alpha, beta: beta)
        func points(_ parameters: DataParameters, data: DataKind, solver: SolverKind, ns: [Int], ds: [Int], ratio: Double?) -> [PointSpecification] {
            let base = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: 1, data: data, solver: solver)
            return SweepPlan(base: base, featureCounts: ns, sampleCounts: ds, featuresPerSample: ratio, seeds: seeds).points
        }
        let plans: [(String, SweptVariable, [PointSpecification])] = [
            ("sparse N-sweep", .n, points(sparse, data: .sparse, solver: .reduced, ns: c.sparseNSweepN, ds: [c.sparseNSweepD], ratio: nil)),
            ("sparse D-sweep", .d, points(sparse, data: .sparse, solver: .reduced, ns: [], ds: c.sparseDSweepD, ratio: c.modelRichRatio)),
            ("dense N-sweep", .n, points(
                try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(c.denseNSweepM)), data: .dense,
                solver: .reduced, ns: c.denseNSweepN, ds: [c.denseNSweepD], ratio: nil)),
            ("dense D-sweep", .d, points(
                try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(c.denseDSweepM)), data: .dense,
                solver: .direct, ns: [], ds: c.denseDSweepD, ratio: c.modelRichRatio)),
        ]
        return plans
    }

    /// Runs the four sweeps at exponents `alpha`, `beta` through `runner` (resuming from its store).
    public static func run(alpha: Double, beta: Double, configuration c: Configuration, runner: MeasurementRunner) throws -> LinearSweepsResult {
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        var series: [SweepSeries] = []
        for (name, variable, specs) in try sweeps(alpha: alpha, beta: beta, configuration: c) {
            let measured = try runner.measure(specs, seeds: seeds, label: name)
            series.append(SweepSeries(name: name, variable: variable, points: measured, fitTail: c.fitTail))
        }
        return LinearSweepsResult(alpha: alpha, beta: beta, configuration: c, series: series)
    }
}

/// The four linear sweeps with their fits, the joint exponent of the three that share one, and
/// the test that the sparse D-sweep has a different one.
package struct LinearSweepsResult: ExperimentOutput {
    public static let name = "linear-sweeps"
    /// α and β of the data.
    public let alpha: Double
    public let beta: Double
    /// Sizes used.
    public let configuration: LinearSweepsExperiment.Configuration
    /// sparse N, sparse D, dense N, dense D.
    public let series: [SweepSeries]
    /// One shared exponent for sparse N, dense N and dense D (separate intercepts) vs separate exponents.
    public let joint: JointPowerLawFit?
    /// Whether the sparse D-sweep's exponent is consistent with the shared one (expected: not).
    public let sparseDConsistency: ExponentConsistencyTest?
    /// Predicted α_N and α_D.
    public let predictedAlphaN: Double
    public let predictedAlphaD: Double

    /// Fits the joint model over the three α_N sweeps and tests the sparse D-sweep against it.
    public init(alpha: Double, beta: Double, configuration: LinearSweepsExperiment.Configuration, series: [SweepSeries]) {
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.series = series
        let tail = configuration.fitTail
        let shared = series.filter { $0.name != "sparse D-sweep" }.map { $0.tailPoints(tail) }
        joint = try? JointPowerLawFit(series: shared, tail: tail)
        if let sparseD = series.first(where: { $0.name == "sparse D-sweep" }) {
            sparseDConsistency = try? ExponentConsistencyTest(candidate: sparseD.tailPoints(tail), others: shared, tail: tail)
        } else {
            sparseDConsistency = nil
        }
        predictedAlphaN = alpha + beta
        predictedAlphaD = beta > 1 ? (alpha + beta) / beta : alpha + beta
        alphaNJoint = joint?.sharedExponent
        alphaNJointStandardError = joint?.sharedExponentStandardError
        let sparseDFit = series.first { $0.name == "sparse D-sweep" }?.fit
        alphaDSparse = sparseDFit?.exponent
        alphaDSparseStandardError = sparseDFit?.exponentStandardError
        if let n = joint?.sharedExponent, let d = sparseDFit?.exponent { ratio = n / d } else { ratio = nil }
        sparseDPredictedFit = series.first { $0.name == "sparse D-sweep" }?.predictedFit(fitTail: tail)
        sparseNPredictedFit = series.first { $0.name == "sparse N-sweep" }?.predictedFit(fitTail: tail)
    }

    /// The sparse D-sweep's fit applied to the predicted finite-size curve at the same (N, D)
    /// (`SweepSeries.predictedFit`): the fitted exponent the theory predicts for this sweep.
    public let sparseDPredictedFit: PowerLawFit?
    /// The same for the sparse N-sweep.
    public let sparseNPredictedFit: PowerLawFit?

    /// Joint exponent of the three α_N sweeps and its standard error.
    public let alphaNJoint: Double?
    public let alphaNJointStandardError: Double?
    /// The sparse D-sweep exponent and its standard error.
    public let alphaDSparse: Double?
    public let alphaDSparseStandardError: Double?
    /// α_N(joint)/α_D(sparse), predicted ≈ β.
    public let ratio: Double?

    /// The data tables behind the figures, by file name.
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: SweepSeries.csvHeaders)
        for s in series { s.appendRows(to: &table) }
        return ["\(Self.name).csv": table.render()]
    }

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        var lines = ["linear sweeps (α = \(alpha), β = \(beta)): predicted α_N = \(fourSignificantDigits(predictedAlphaN)), α_D = \(fourSignificantDigits(predictedAlphaD))"]
        for s in series {
            if let f = s.fit {
                lines.append("  \(s.name.padding(toLength: 15, withPad: " ", startingAt: 0)) exponent \(UncertainValueFormat.string(f.exponent, standardError: f.exponentStandardError))")
            }
        }
        if let j = joint {
            lines.append("  joint exponent of sparse N, dense N, dense D: \(UncertainValueFormat.string(j.sharedExponent, standardError: j.sharedExponentStandardError)); shared-exponent F-test p = \(fourSignificantDigits(j.pValue)) (\(j.sharedExponentRejected ? "rejected" : "not rejected"))")
        }
        if let t = sparseDConsistency {
            lines.append("  sparse D-sweep vs the shared exponent: p = \(fourSignificantDigits(t.pValue)) (\(t.isConsistent ? "consistent" : "different")); ratio α_N/α_D = \(ratio.map(fourSignificantDigits) ?? "n/a") (predicted β = \(fourSignificantDigits(beta)))")
        }
        return lines.joined(separator: "\n")
    }

    private enum CodingKeys: String, CodingKey {
        case alpha, beta, configuration, series, joint, sparseDConsistency = "sparse_d_consistency"
        case predictedAlphaN = "predicted_alpha_n", predictedAlphaD = "predicted_alpha_d"
        case alphaNJoint = "alpha_n_joint", alphaNJointStandardError = "alpha_n_joint_se"
        case alphaDSparse = "alpha_d_sparse", alphaDSparseStandardError = "alpha_d_sparse_se", ratio
        case sparseDPredictedFit = "sparse_d_predicted_fit", sparseNPredictedFit = "sparse_n_predicted_fit"
    }
}
