import Foundation
import SparseScaling

/// The losses of one point at many seeds, run one point per thread on all threads, and the compute
/// they took (CPU seconds of this process: comparable between estimators whatever the parallelism).
enum SeedLosses {
    /// The fewest seeds a job with a deadline runs, whatever the time.
    static let deadlineMinimumSeeds = 4

    /// Measures `spec` at each of `seeds`, in rounds of one seed per thread on `concurrency` threads
    /// (nil: all); with `budgetSeconds`, no round starts after that much wall clock once `minimumSeeds`
    /// are done, and with `deadline`, none after it once `deadlineMinimumSeeds` are. The measurement's
    /// seconds are the wall-clock seconds.
    static func measure(_ spec: PointSpecification, seeds: [UInt64], budgetSeconds: Double? = nil, minimumSeeds: Int = 8,
                        concurrency: Int? = nil, deadline: Date? = nil) throws -> BenchmarkMeasurement {
        let threads = max(1, min(concurrency ?? ParallelChunks.defaultThreads, ParallelChunks.defaultThreads))
        // One seed per thread and BLAS single-threaded (as MeasurementRunner runs points): a threaded
        // BLAS inside parallel seeds would spin-wait and charge the estimator CPU seconds it did not use.
        let blasThreads = BLAS.threadCount
        BLAS.setThreadCount(1)
        defer { BLAS.setThreadCount(blasThreads) }
        let (seconds, outcomes) = try PhaseClock.measure {
            var clock = PhaseClock()
            var spent = 0.0
            var outcomes: [PointOutcome] = []
            var start = 0
            while start < seeds.count {
                if let budgetSeconds, outcomes.count >= minimumSeeds, spent >= budgetSeconds { break }
                if let deadline, outcomes.count >= Self.deadlineMinimumSeeds, Date() >= deadline { break }
                // Without a budget or deadline, one round holds every seed; with a budget, the first round
                // the minimum and each later one a seed per thread; with a deadline, every round a seed per thread.
                let round = budgetSeconds == nil && deadline == nil ? seeds.count
                    : start == 0 && deadline == nil ? max(threads, minimumSeeds) : threads
                let end = min(seeds.count, start + round)
                let first = start
                let chunks = ParallelChunks.map(count: end - start, chunkSize: 1, threads: threads) { range in
                    range.map { i in Result { try PointEvaluator.evaluate(spec.withSeed(seeds[first + i]), threads: 1) } }
                }
                outcomes += try chunks.flatMap { $0 }.map { try $0.get() }
                start = end
                spent += clock.lap()
            }
            return outcomes
        }
        var measurement = BenchmarkMeasurement(seconds: seconds)
        measurement.losses = outcomes.map(\.loss)
        measurement.conditionalCount = outcomes.filter { $0.estimator == .conditional }.count
        return measurement
    }
}
