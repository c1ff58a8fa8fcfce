import Foundation
import SparseScaling

/// The losses of one point at many seeds, run one point per thread on all threads, and the compute
/// they took (CPU seconds of this process: comparable between estimators whatever the parallelism).
enum SeedLosses {
    /// Measures `spec` at each of `seeds`; the measurement's seconds are the wall-clock seconds.
    static func measure(_ spec: PointSpecification, seeds: [UInt64]) throws -> BenchmarkMeasurement {
        let threads = ParallelChunks.defaultThreads
        let (seconds, outcomes) = try PhaseClock.measure {
            let chunks = ParallelChunks.map(count: seeds.count, chunkSize: 1, threads: threads) { range in
                range.map { i in Result { try PointEvaluator.evaluate(spec.withSeed(seeds[i]), threads: 1) } }
            }
            return try chunks.flatMap { $0 }.map { try $0.get() }
        }
        var measurement = BenchmarkMeasurement(seconds: seconds)
        measurement.losses = outcomes.map(\.loss)
        measurement.conditionalCount = outcomes.filter { $0.estimator == .conditional }.count
        return measurement
    }
}
