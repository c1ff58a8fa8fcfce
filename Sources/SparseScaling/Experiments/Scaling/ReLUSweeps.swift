import Foundation
import ScalingAnalysis

/// The paper's Figs. 4 and 6: the four sweeps (sparse N, sparse D, dense N, dense D) with ReLU
/// features f = ReLU(W x), trained by the pseudoinverse and by Nesterov-accelerated GD, with the
/// Monte-Carlo test loss. The asymmetry α_N > α_D persists, smaller than for linear features.
package enum ReLUSweepsExperiment: StoredExperiment {
    /// Sizes of the four sweeps, solvers and Monte-Carlo settings.
    public struct Configuration: SeededConfiguration, Codable {
        /// Seeds per point.
        public var seeds: Int
        /// Fit tail (last points).
        public var fitTail: Int
        /// Sparse N-sweep: N values at D = `sparseNSweepD` (data-rich: K(D) ≫ N).
        public var sparseNSweepN: [Int]
        public var sparseNSweepD: Int
        /// Dense N-sweep: N values at D = `denseNSweepD`, M = `denseNSweepM`.
        public var denseNSweepN: [Int]
        public var denseNSweepD: Int
        public var denseNSweepM: Int
        /// D-sweeps (sparse, and dense with M = `denseDSweepM`) with N = `modelRichRatio`·D.
        public var dSweepD: [Int]
        public var denseDSweepM: Int
        public var modelRichRatio: Double
        /// Solvers compared (pseudoinverse = direct, nesterov).
        public var solvers: [SolverKind]
        /// Nesterov iteration cap and Monte-Carlo test samples.
        public var maxIterations: Int
        public var testSamples: Int

        /// The sizes of `profile`.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick:
                return Configuration(
                    seeds: 4, fitTail: 4, sparseNSweepN: [8, 16, 32, 64, 128], sparseNSweepD: 32768,
                    denseNSweepN: [8, 16, 32, 64, 128], denseNSweepD: 4096, denseNSweepM: 1024,
                    dSweepD: [16, 32, 64, 128, 256], denseDSweepM: 2048, modelRichRatio: 8,
                    solvers: [.direct, .nesterov], maxIterations: 20_000, testSamples: 4096)
            case .paper:
                return Configuration(
                    seeds: 8, fitTail: 5, sparseNSweepN: [8, 16, 32, 64, 128, 256], sparseNSweepD: 131_072,
                    denseNSweepN: [8, 16, 32, 64, 128, 256], denseNSweepD: 8192, denseNSweepM: 2048,
                    dSweepD: [16, 32, 64, 128, 256, 512], denseDSweepM: 4096, modelRichRatio: 8,
                    solvers: [.direct, .nesterov], maxIterations: 50_000, testSamples: 8192)
            }
        }
    }

    /// Runs the four sweeps for every solver through `runner` (resuming from its store).
    public static func run(alpha: Double, beta: Double, configuration c: Configuration, runner: MeasurementRunner) throws -> ReLUSweepsResult {
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        var sets: [ReLUSweepSet] = []
        for (solver, plans) in try sweeps(alpha: alpha, beta: beta, configuration: c) {
            var series: [SweepSeries] = []
            for (name, variable, specs) in plans {
                let measured = try runner.measure(specs, seeds: seeds, label: "ReLU \(solver.rawValue) \(name)")
                series.append(SweepSeries(name: name, variable: variable, points: measured, fitTail: c.fitTail))
            }
            sets.append(ReLUSweepSet(solver: solver, series: series, fitTail: c.fitTail))
        }
        return ReLUSweepsResult(alpha: alpha, beta: beta, configuration: c, sets: sets)
    }

    /// The four sweeps for every solver at α, β, one batch per (solver, sweep).
    public static func plan(alpha: Double, beta: Double, configuration c: Configuration) throws -> [PlannedBatch] {
        try sweeps(alpha: alpha, beta: beta, configuration: c).flatMap { solver, plans in
            plans.map { PlannedBatch(label: "ReLU \(solver.rawValue) \($0.0)", points: $0.2) }
        }
    }

    /// The four sweeps (name, swept variable, points) of every solver.
    static func sweeps(alpha: Double, beta: Double, configuration c: Configuration) throws -> [(SolverKind, [(String, SweptVariable, [PointSpecification])])] {
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        let sparse = try DataParameters.experiment(alpha: alpha, beta: beta)
        var sweeps: [(SolverKind, [(String, SweptVariable, [PointSpecification])])] = []
        for solver in c.solvers {
            // The iteration cap only for the iterative solvers: the pseudoinverse would ignore it.
            let optimization = solver.isIterative
                ? OptimizationSettings(maxIterations: c.maxIterations, testSamples: c.testSamples)
                : OptimizationSettings(testSamples: c.testSamples)
            func points(_ parameters: DataParameters, _ data: DataKind, ns: [Int], ds: [Int], ratio: Double?) -> [PointSpecification] {
                // The iteration cap is a setting of the iterative solvers only; the direct route refuses it.
                let settings = solver.isIterative ? optimization : OptimizationSettings(testSamples: c.testSamples)
                let base = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: 1, data: data, features: .relu, solver: solver, optimization: settings)
                return SweepPlan(base: base, featureCounts: ns, sampleCounts: ds, featuresPerSample: ratio, seeds: seeds).points
            }
            let plans: [(String, SweptVariable, [PointSpecification])] = [
                ("sparse N-sweep", .n, points(sparse, .sparse, ns: c.sparseNSweepN, ds: [c.sparseNSweepD], ratio: nil)),
                ("sparse D-sweep", .d, points(sparse, .sparse, ns: [], ds: c.dSweepD, ratio: c.modelRichRatio)),
                ("dense N-sweep", .n, points(try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(c.denseNSweepM)), .dense, ns: c.denseNSweepN, ds: [c.denseNSweepD], ratio: nil)),
                ("dense D-sweep", .d, points(try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(c.denseDSweepM)), .dense, ns: [], ds: c.dSweepD, ratio: c.modelRichRatio)),
            ]
            sweeps.append((solver, plans))
        }
        return sweeps
    }
}

/// The four ReLU sweeps of one solver, the joint exponent of sparse N, dense N and dense D, and the
/// test of the sparse D-sweep against it.
public struct ReLUSweepSet: Sendable, Encodable {
    /// The solver (direct = pseudoinverse, or nesterov).
    public let solver: SolverKind
    /// sparse N, sparse D, dense N, dense D.
    public let series: [SweepSeries]
    /// Shared exponent of the three α_N-like sweeps vs separate exponents.
    public let joint: JointPowerLawFit?
    /// The sparse D-sweep against the shared exponent.
    public let sparseDConsistency: ExponentConsistencyTest?

    /// Fits the joint model and the consistency test over the last `fitTail` points.
    public init(solver: SolverKind, series: [SweepSeries], fitTail: Int) {
        self.solver = solver
        self.series = series
        let shared = series.filter { $0.name != "sparse D-sweep" }.map { $0.tailPoints(fitTail) }
        joint = try? JointPowerLawFit(series: shared, tail: fitTail)
        sparseDConsistency = series.first { $0.name == "sparse D-sweep" }.flatMap {
            try? ExponentConsistencyTest(candidate: $0.tailPoints(fitTail), others: shared, tail: fitTail)
        }
    }

    /// The sparse N-sweep's exponent (α_N of ReLU features) and its SE.
    public var alphaN: PowerLawFit? { series.first { $0.name == "sparse N-sweep" }?.fit }
    /// The sparse D-sweep's exponent (α_D of ReLU features) and its SE.
    public var alphaD: PowerLawFit? { series.first { $0.name == "sparse D-sweep" }?.fit }
}

/// The ReLU sweeps for every solver.
package struct ReLUSweepsResult: ExperimentOutput {
    public static let name = "relu-sweeps"
    public let alpha: Double
    public let beta: Double
    public let configuration: ReLUSweepsExperiment.Configuration
    public let sets: [ReLUSweepSet]

    /// The data tables behind the figures, by file name.
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: ["solver"] + SweepSeries.csvHeaders)
        for set in sets {
            var inner = CSVTable(headers: SweepSeries.csvHeaders)
            for s in set.series { s.appendRows(to: &inner) }
            for row in inner.rows { table.append([.text(set.solver.rawValue)] + row.map { .text($0) }) }
        }
        return ["\(Self.name).csv": table.render()]
    }

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        var lines = ["ReLU sweeps (α = \(alpha), β = \(beta)):"]
        for set in sets {
            lines.append("  \(set.solver == .direct ? "pseudoinverse" : set.solver.rawValue):")
            for s in set.series {
                if let f = s.fit { lines.append("    \(s.name.padding(toLength: 15, withPad: " ", startingAt: 0)) exponent \(UncertainValueFormat.string(f.exponent, standardError: f.exponentStandardError))") }
            }
            if let n = set.alphaN, let d = set.alphaD {
                let difference = n.exponent - d.exponent
                let se = (n.exponentStandardError * n.exponentStandardError + d.exponentStandardError * d.exponentStandardError).squareRoot()
                lines.append("    α_N − α_D (sparse) = \(UncertainValueFormat.string(difference, standardError: se)) (\(difference > 1.96 * se ? "asymmetry resolved" : "asymmetry not resolved at 95%"))")
            }
            if let t = set.sparseDConsistency {
                lines.append("    sparse D-sweep vs the shared exponent of the other three: p = \(fourSignificantDigits(t.pValue)) (\(t.isConsistent ? "consistent" : "different"))")
            }
            let notConverged = set.series.reduce(0) { $0 + $1.notConvergedRuns }
            if notConverged > 0 {
                let runs = set.series.reduce(0) { $0 + $1.runs }
                lines.append("    not converged: \(notConverged) of \(runs) runs stopped at the iteration cap; the verdicts above include their unconverged losses")
            }
        }
        return lines.joined(separator: "\n")
    }
}
