import Foundation
import ScalingAnalysis

/// The sizes of the four ReLU sweeps (paper Figs. 4 and 6): N-sweeps at fixed large D, D-sweeps at
/// fixed large N, for sparse and dense data.
public struct ReLUSweepSizes: Sendable, Codable, Hashable {
    /// N values of the N-sweeps.
    public var featureCounts: [Int]
    /// The fixed D of the N-sweeps.
    public var fixedSampleCount: Int
    /// D values of the D-sweeps.
    public var sampleCounts: [Int]
    /// The fixed N of the D-sweeps.
    public var fixedFeatureCount: Int
    /// Seeds per point.
    public var seeds: Int
    /// M of the dense baseline.
    public var denseInputDimension: Int
    /// Fit the last this many points of each sweep.
    public var fitTail: Int

    /// Sizes from their values.
    public init(
        featureCounts: [Int], fixedSampleCount: Int, sampleCounts: [Int], fixedFeatureCount: Int, seeds: Int,
        denseInputDimension: Int, fitTail: Int
    ) {
        self.featureCounts = featureCounts
        self.fixedSampleCount = fixedSampleCount
        self.sampleCounts = sampleCounts
        self.fixedFeatureCount = fixedFeatureCount
        self.seeds = seeds
        self.denseInputDimension = denseInputDimension
        self.fitTail = fitTail
    }

    /// A quick preset (about a minute on two cores).
    public static let quick = ReLUSweepSizes(
        featureCounts: [8, 16, 32, 64, 128], fixedSampleCount: 2048, sampleCounts: [16, 32, 64, 128, 256],
        fixedFeatureCount: 2048, seeds: 4, denseInputDimension: 2048, fitTail: 4)

    /// The paper-scale preset (hours).
    public static let paper = ReLUSweepSizes(
        featureCounts: [16, 32, 64, 128, 256, 512], fixedSampleCount: 8192, sampleCounts: [32, 64, 128, 256, 512, 1024],
        fixedFeatureCount: 8192, seeds: 10, denseInputDimension: 8192, fitTail: 5)
}

/// One measured point of a sweep: mean ± SE of the Monte-Carlo test loss over seeds.
public struct ReLUSweepPoint: Sendable, Codable, Hashable {
    /// N and D.
    public var featureCount: Int, sampleCount: Int
    /// Mean loss over seeds and its standard error (seed-to-seed spread).
    public var loss: Double, standardError: Double?
}

/// One sweep (e.g. sparse N-sweep) and its own power-law fit.
public struct ReLUSweep: Sendable, Codable, Hashable {
    /// "sparse N", "sparse D", "dense N" or "dense D".
    public var name: String
    /// The points in sweep order.
    public var points: [ReLUSweepPoint]
    /// The fit of the last `fitTail` points, if it could be made.
    public var fit: PowerLawFit?
}

/// The four sweeps by one solver, with the joint exponent of the three symmetric sweeps and the
/// separate exponent of the sparse D-sweep.
public struct ReLUSweepSet: Sendable, Codable, Hashable {
    /// direct (pseudoinverse) or nesterov.
    public var solver: SolverKind
    /// sparse N, sparse D, dense N, dense D.
    public var sweeps: [ReLUSweep]
    /// Sparse D-sweep vs the joint fit of the other three.
    public var consistency: ExponentConsistencyTest?
}

/// The ReLU-sweeps experiment result.
public struct ReLUSweepsResult: Sendable, Codable, Hashable {
    /// α and β.
    public var alpha: Double, beta: Double
    /// The sizes used.
    public var sizes: ReLUSweepSizes
    /// One set per solver.
    public var sets: [ReLUSweepSet]
}

/// Runs the four sweeps (sparse/dense × N/D) with ReLU features by the pseudoinverse and by Nesterov.
public enum ReLUSweepsExperiment {
    /// The result for α, β and `sizes` with `solvers` (default both), `optimization` for Nesterov and
    /// the test-sample count; `progress` receives a line per point.
    public static func run(
        alpha: Double = 0, beta: Double = 2, sizes: ReLUSweepSizes, solvers: [SolverKind] = [.direct, .nesterov],
        optimization: OptimizationSettings = OptimizationSettings(maxIterations: 20_000),
        threads: Int = ParallelChunks.defaultThreads, progress: ((String) -> Void)? = nil
    ) throws -> ReLUSweepsResult {
        let sparse = try DataParameters(alpha: alpha, beta: beta, inputDimension: .infinite)
        let dense = try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(sizes.denseInputDimension))
        var sets: [ReLUSweepSet] = []
        for solver in solvers {
            func sweep(_ name: String, _ parameters: DataParameters, _ data: DataKind, _ shapes: [(Int, Int)], byN: Bool) throws -> ReLUSweep {
                var points: [ReLUSweepPoint] = []
                for (n, d) in shapes {
                    var losses: [Double] = []
                    for s in 0..<sizes.seeds {
                        let spec = PointSpecification(
                            parameters: parameters, featureCount: n, sampleCount: d, data: data, features: .relu,
                            solver: solver, seed: UInt64(s), optimization: optimization)
                        losses.append(try ReLUPointEvaluator.evaluate(spec, threads: threads).loss)
                    }
                    let estimate = try MeanEstimate(samples: losses)
                    points.append(ReLUSweepPoint(featureCount: n, sampleCount: d, loss: estimate.mean, standardError: estimate.standardError))
                    progress?("\(solver.rawValue) \(name): N = \(n), D = \(d), loss = \(estimate.mean) ± \(estimate.standardError ?? 0)")
                }
                let scaling = points.map { ScalingPoint(x: Double(byN ? $0.featureCount : $0.sampleCount), y: $0.loss, standardError: $0.standardError) }
                return ReLUSweep(name: name, points: points, fit: try? PowerLawFit(points: scaling, tail: sizes.fitTail))
            }
            let nShapes = sizes.featureCounts.map { ($0, sizes.fixedSampleCount) }
            let dShapes = sizes.sampleCounts.map { (sizes.fixedFeatureCount, $0) }
            let sweeps = [
                try sweep("sparse N", sparse, .sparse, nShapes, byN: true),
                try sweep("sparse D", sparse, .sparse, dShapes, byN: false),
                try sweep("dense N", dense, .dense, nShapes, byN: true),
                try sweep("dense D", dense, .dense, dShapes, byN: false),
            ]
            func scaling(_ s: ReLUSweep, byN: Bool) -> [ScalingPoint] {
                s.points.map { ScalingPoint(x: Double(byN ? $0.featureCount : $0.sampleCount), y: $0.loss, standardError: $0.standardError) }
            }
            let consistency = try? ExponentConsistencyTest(
                candidate: scaling(sweeps[1], byN: false),
                others: [scaling(sweeps[0], byN: true), scaling(sweeps[2], byN: true), scaling(sweeps[3], byN: false)],
                tail: sizes.fitTail)
            sets.append(ReLUSweepSet(solver: solver, sweeps: sweeps, consistency: consistency))
        }
        return ReLUSweepsResult(alpha: alpha, beta: beta, sizes: sizes, sets: sets)
    }
}
