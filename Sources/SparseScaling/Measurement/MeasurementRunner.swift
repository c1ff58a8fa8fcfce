import Foundation
import LinearAlgebra
import ResultsStore

/// Measures points over seeds: runs the (point, seed) pairs missing from the results store (only
/// those of its shard), commits each one in its own transaction as soon as it finishes, and reads
/// the aggregated results back from the store. Re-running after an interruption computes only what
/// is missing, and the numbers do not depend on the thread count or the order of the work.
package final class MeasurementRunner: @unchecked Sendable {
    /// Where results are kept.
    public let store: ResultsStore
    /// The part of the work this process does.
    public let shard: Shard
    /// Points measured at once (each point then runs single-threaded).
    public let threads: Int
    /// Progress display.
    public let progress: ProgressReporter
    /// Refuse work whose `MemoryEstimate` exceeds this many bytes (nil: no limit).
    public var memoryLimit: Double?
    /// The σ and loss estimator imposed on every measured point (`PointOverrides`).
    public var overrides = PointOverrides()
    /// The run label stored with every new row (e.g. the command or experiment name); not part of any key.
    public var tag: String?
    /// With the conditional estimator: how each point measured so far used it, in order (`EstimatorUse`).
    public private(set) var estimatorUses: [EstimatorUse] = []
    /// What the last ``measure(_:seeds:label:)`` found in the store and what it computed.
    public private(set) var lastCounts = StoreCounts(stored: 0, computed: 0)
    /// (point, seed) pairs this runner has stored so far in this process.
    public var storedThisRun: Int { progress.finishedSteps }

    /// A runner writing into `store`.
    public init(store: ResultsStore, shard: Shard = .all, threads: Int = ParallelChunks.defaultThreads, progress: ProgressReporter = ProgressReporter()) {
        self.store = store
        self.shard = shard
        self.threads = max(1, threads)
        self.progress = progress
    }

    /// Measures every point of `points` with every seed of `seeds`, then returns one aggregate per
    /// point over the seeds present in the store (all of them unless the run is sharded).
    public func measure(_ points: [PointSpecification], seeds: [UInt64], label: String = "points") throws -> [MeasuredPoint] {
        let points = points.map(overrides.apply)
        // Validated and planned as `point` plans them, before any work.
        let plans = try points.map { try PointPlan($0) }
        try WorkEstimate(seconds: plans.reduce(0) { $0 + (WorkEstimate(plan: $1)?.seconds ?? 0) } * Double(seeds.count))
            .check(job: "\(label) (\(points.count) points × \(seeds.count) seeds)")
        var missing: [PointSpecification] = []
        var present = 0
        for p in points {
            let configuration = p.storeConfiguration
            let existing = try store.existingSeeds(for: configuration)
            for s in seeds where shard.contains(configuration, seed: s) {
                if existing.contains(s) { present += 1 } else { missing.append(p.withSeed(s)) }
            }
        }
        lastCounts = StoreCounts(stored: present, computed: missing.count)
        if present > 0 {
            progress.note("\(label): \(present) of \(present + missing.count) (point, seed) pairs already stored in \(store.path)")
        }
        if !missing.isEmpty {
            let concurrency = min(threads, missing.count)
            try MemoryEstimate(points: missing, concurrency: concurrency)
                .check(limit: memoryLimit, job: "\(label) (\(missing.count) points, \(concurrency) at once)", concurrency: concurrency)
        }
        try run(missing, label: label)
        let measured = try aggregate(points, seeds: seeds)
        if overrides.estimator == .conditional {
            estimatorUses += measured.map(EstimatorUse.init)
        }
        return measured
    }

    /// Computes and stores each specification (with its own seed).
    func run(_ work: [PointSpecification], label: String) throws {
        guard !work.isEmpty else { return }
        // Many independent points: one point per thread, BLAS single-threaded (bitwise reproducible).
        let blasThreads = BLAS.threadCount
        BLAS.setThreadCount(1)
        defer { BLAS.setThreadCount(blasThreads) }
        progress.begin(label, total: work.count)
        defer { progress.finish() }
        let next = AtomicCounter()
        let failure = FirstError()
        let store = self.store
        let progress = self.progress
        let tag = self.tag
        DispatchQueue.concurrentPerform(iterations: min(threads, work.count)) { _ in
            while failure.error == nil {
                let i = next.increment()
                if i >= work.count { break }
                do {
                    let spec = work[i]
                    let outcome = try PointEvaluator.evaluate(spec, threads: 1)
                    try store.insert(StoredPoint(
                        configuration: spec.storeConfiguration, seed: spec.seed, result: outcome.storeResult,
                        toolVersion: SparseScalingVersion.current, createdAt: Date(), tag: tag))
                    progress.advance()
                } catch {
                    failure.record(error)
                }
            }
        }
        if let error = failure.error { throw error }
    }

    /// Aggregates stored results of `points` over `seeds` (points with no stored seed are left out).
    public func aggregate(_ points: [PointSpecification], seeds: [UInt64]) throws -> [MeasuredPoint] {
        let wanted = Set(seeds)
        return try points.compactMap { p in
            let rows = try store.points(for: p.storeConfiguration)
                .filter { wanted.contains($0.seed) }
                .sorted { $0.seed < $1.seed }
            guard !rows.isEmpty else { return nil }
            let count = Double(rows.count)
            var point = MeasuredPoint(
                specification: p, losses: rows.map(\.result.loss),
                meanObservedCoordinates: rows.reduce(0) { $0 + Double($1.result.observedCoordinates) } / count,
                meanSeconds: rows.reduce(0) { $0 + $1.result.seconds } / count,
                notConvergedSeeds: rows.filter { $0.result.converged == false }.count)
            if p.estimator == .conditional {
                point.conditionalSeeds = rows.filter { $0.result.extras["conditional_estimate"] == 1 }.count
            }
            return point
        }
    }
}

/// How many (point, seed) pairs of one measurement were found in the store and how many were computed.
package struct StoreCounts: Sendable, Equatable {
    /// Pairs already in the store.
    public let stored: Int
    /// Pairs computed and stored by this run.
    public let computed: Int
}

/// The first error raised by any worker.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func record(_ error: Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }
}
